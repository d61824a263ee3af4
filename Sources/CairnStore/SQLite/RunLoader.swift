import CairnCore
import CairnTracking
import Foundation
import GRDB

/// Reads runs with all their children in a fixed number of queries, whatever the number of runs.
enum RunLoader {
    static func load(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Run] {
        let query = SQLFragment.select("SELECT r.* FROM runs r", where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        guard !rows.isEmpty else { return [] }
        let ids: [SQLValue] = rows.map { .text($0["run_id"]) }
        let params = try KeyValueLoader.load(db, table: "run_params", idColumn: "run_id", ids: ids)
        let tags = try KeyValueLoader.load(db, table: "run_tags", idColumn: "run_id", ids: ids)
        let metrics = try children(db, table: "latest_metrics", ids: ids) { metric($0) }
        let datasets = try children(db, table: "run_dataset_inputs", ids: ids) { datasetInput($0) }
        let modelInputs = try children(db, table: "run_model_inputs", ids: ids) { $0["model_id"] as String }
        let outputs = try children(db, table: "run_model_outputs", ids: ids) {
            ModelOutput(modelID: $0["model_id"], step: $0["step"])
        }
        return rows.map { row in
            let id: String = row["run_id"]
            let info = RunInfo(
                runID: id, runName: row["name"], experimentID: String(row["experiment_id"] as Int64), userID: row["user_id"],
                status: RunStatus(rawValue: row["status"]) ?? .running, startTime: row["start_time"], endTime: row["end_time"],
                artifactURI: row["artifact_uri"], lifecycleStage: LifecycleStage(rawValue: row["lifecycle_stage"]) ?? .active)
            return Run(
                info: info, metrics: metrics[id] ?? [], params: params[id] ?? [], tags: tags[id] ?? [],
                datasetInputs: datasets[id] ?? [], modelInputs: modelInputs[id] ?? [], modelOutputs: outputs[id] ?? [])
        }
    }

    /// Child rows of `table` grouped by `run_id`.
    static func children<T>(_ db: Database, table: String, ids: [SQLValue], map: (Row) -> T) throws -> [String: [T]] {
        var result: [String: [T]] = [:]
        for start in stride(from: 0, to: ids.count, by: 500) {
            let list = SQLFragment.list(Array(ids[start..<min(start + 500, ids.count)]))
            let rows = try Row.fetchCursor(
                db, sql: "SELECT * FROM \(table) WHERE run_id IN \(list.sql)", arguments: SQLiteStore.arguments(list.arguments))
            while let row = try rows.next() { result[row["run_id"], default: []].append(map(row)) }
        }
        return result
    }

    static func metric(_ row: Row) -> Metric {
        let isNaN: Bool = row["is_nan"]
        return Metric(
            key: row["key"], value: isNaN ? .nan : row["value"], timestamp: row["timestamp"], step: row["step"],
            datasetName: row["dataset_name"], datasetDigest: row["dataset_digest"], modelID: row["model_id"])
    }

    static func metricArguments(runID: String, _ metric: Metric) -> StatementArguments {
        let isNaN = metric.value.isNaN
        return [
            runID, metric.key, isNaN ? 0 : metric.value, isNaN, metric.timestamp, metric.step, metric.datasetName,
            metric.datasetDigest, metric.modelID,
        ]
    }

    /// MLflow's latest-value order: greater step, then greater timestamp, then greater value.
    static func isLater(_ candidate: Metric, than current: Metric) -> Bool {
        let lhs = candidate.value.isNaN ? 0 : candidate.value
        let rhs = current.value.isNaN ? 0 : current.value
        return (candidate.step, candidate.timestamp, lhs) > (current.step, current.timestamp, rhs)
    }

    static func datasetInput(_ row: Row) -> DatasetInput {
        let tagsText: String = row["tags"]
        let tags = (try? JSONDecoder().decode([KeyValue].self, from: Data(tagsText.utf8))) ?? []
        return DatasetInput(
            dataset: Dataset(
                name: row["name"], digest: row["digest"], sourceType: row["source_type"], source: row["source"],
                schema: row["schema"], profile: row["profile"]),
            tags: tags)
    }
}
