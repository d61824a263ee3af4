import CairnCore
import CairnTracking
import GRDB

/// Reads runs with all their children in a fixed number of queries, whatever the number of runs.
enum RunLoader {
    static func load(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Run] {
        let query = SQLFragment.select(Statements.selectRuns, where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        guard !rows.isEmpty else { return [] }
        let ids: [SQLValue] = rows.map { .text($0["run_id"]) }
        let params = try KeyValueLoader.load(db, table: "run_params", idColumn: "run_id", ids: ids)
        let tags = try KeyValueLoader.load(db, table: "run_tags", idColumn: "run_id", ids: ids)
        let metrics = try children(db, table: "latest_metrics", ids: ids, map: RowMapping.metric)
        let datasets = try children(db, table: "run_dataset_inputs", ids: ids, map: RowMapping.datasetInput)
        let modelInputs = try children(db, table: "run_model_inputs", ids: ids) { $0.text("model_id") ?? "" }
        let outputs = try children(db, table: "run_model_outputs", ids: ids, map: RowMapping.modelOutput)
        return rows.map { row in
            let id: String = row["run_id"]
            return Run(
                info: RowMapping.runInfo(SQLiteStore.sqlRow(row)), metrics: metrics[id] ?? [], params: params[id] ?? [], tags: tags[id] ?? [],
                datasetInputs: datasets[id] ?? [], modelInputs: modelInputs[id] ?? [], modelOutputs: outputs[id] ?? [])
        }
    }

    /// Child rows of `table` grouped by `run_id`.
    static func children<T>(_ db: Database, table: String, ids: [SQLValue], map: (SQLRow) -> T) throws -> [String: [T]] {
        var result: [String: [T]] = [:]
        for start in stride(from: 0, to: ids.count, by: Statements.chunkSize) {
            let query = Statements.runChildren(table: table, runIDs: Array(ids[start..<min(start + Statements.chunkSize, ids.count)]))
            let rows = try Row.fetchCursor(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
            while let row = try rows.next() { result[row["run_id"], default: []].append(map(SQLiteStore.sqlRow(row))) }
        }
        return result
    }
}
