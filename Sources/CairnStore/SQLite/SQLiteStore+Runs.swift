import CairnCore
import CairnTracking
import Foundation
import GRDB

extension SQLiteStore: RunStore {
    public func createRun(_ run: Run) async throws {
        try await write { db in
            let info = run.info
            try db.execute(
                sql: """
                    INSERT INTO runs (run_id, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    info.runID, info.experimentID, info.runName, info.userID, info.status.rawValue, info.startTime,
                    info.endTime, info.artifactURI, info.lifecycleStage.rawValue,
                ])
            try Self.upsertTags(db, runID: info.runID, tags: run.tags)
        }
    }

    public func run(id: String) async throws -> Run? {
        try await read { db in try RunLoader.load(db, where: SQLFragment("r.run_id = ?", [.text(id)])).first }
    }

    public func runStage(id: String) async throws -> LifecycleStage? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT lifecycle_stage FROM runs WHERE run_id = ?", arguments: [id]).flatMap(LifecycleStage.init)
        }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws {
        try await write { db in
            if let status {
                try db.execute(sql: "UPDATE runs SET status = ? WHERE run_id = ?", arguments: [status.rawValue, id])
            }
            if let endTime {
                try db.execute(sql: "UPDATE runs SET end_time = ? WHERE run_id = ?", arguments: [endTime, id])
            }
            if let runName {
                try Self.upsertTags(db, runID: id, tags: [KeyValue(key: RunTags.runName, value: runName)])
            }
        }
    }

    public func setRunStage(id: String, stage: LifecycleStage) async throws {
        try await write { db in
            try db.execute(sql: "UPDATE runs SET lifecycle_stage = ? WHERE run_id = ?", arguments: [stage.rawValue, id])
        }
    }

    public func logBatch(runID: String, metrics: [Metric], params: [KeyValue], tags: [KeyValue]) async throws {
        try await write { db in
            try Self.insertParams(db, runID: runID, params: params)
            try Self.insertMetrics(db, runID: runID, metrics: metrics)
            try Self.upsertTags(db, runID: runID, tags: tags)
        }
    }

    public func deleteRunTag(runID: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM run_tags WHERE run_id = ? AND key = ?", arguments: [runID, key])
            return db.changesCount > 0
        }
    }

    public func logInputs(runID: String, datasets: [DatasetInput], modelIDs: [String]) async throws {
        try await write { db in
            for input in datasets {
                let dataset = input.dataset
                let tagsJSON = String(decoding: try JSONEncoder().encode(input.tags), as: UTF8.self)
                let context = input.tags.first { $0.key == "mlflow.data.context" }?.value
                try db.execute(
                    sql: """
                        INSERT OR IGNORE INTO run_dataset_inputs (run_id, name, digest, source_type, source, schema, profile, context, tags)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        runID, dataset.name, dataset.digest, dataset.sourceType, dataset.source, dataset.schema,
                        dataset.profile, context, tagsJSON,
                    ])
            }
            for modelID in modelIDs {
                try db.execute(
                    sql: "INSERT OR IGNORE INTO run_model_inputs (run_id, model_id) VALUES (?, ?)", arguments: [runID, modelID])
            }
        }
    }

    public func logOutputs(runID: String, outputs: [ModelOutput]) async throws {
        try await write { db in
            for output in outputs {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO run_model_outputs (run_id, model_id, step) VALUES (?, ?, ?)",
                    arguments: [runID, output.modelID, output.step])
            }
        }
    }

    public func searchRuns(_ query: RunQuery) async throws -> [Run] {
        let search = SearchSQL(entity: Self.runEntity)
        var condition = SQLFragment(
            "r.experiment_id IN " + SQLFragment.list(query.experimentIDs.map { .text($0) }).sql,
            query.experimentIDs.map { .integer(Int64($0) ?? -1) })
        let stages = query.viewType.stages.map { SQLValue.text($0.rawValue) }
        condition.append(SQLFragment("r.lifecycle_stage IN \(SQLFragment.list(stages).sql)", stages), separator: " AND ")
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        if !query.orderBy.contains(where: { $0.entity == .attribute && $0.key == "start_time" }) {
            order.append(SQLFragment("r.start_time DESC"))
        }
        order.append(SQLFragment("r.run_id ASC"))
        let orderBy = SQLFragment.joined(order, separator: ", ")
        return try await read { [condition] db in
            try RunLoader.load(db, where: condition, orderBy: orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func metricHistory(runID: String, key: String, offset: Int, limit: Int) async throws -> [Metric] {
        try await read { db in
            let rows = try Row.fetchCursor(
                db,
                sql: """
                    SELECT * FROM metrics WHERE run_id = ? AND key = ? ORDER BY timestamp, step, value LIMIT ? OFFSET ?
                    """,
                arguments: [runID, key, limit + 1, offset])
            var metrics: [Metric] = []
            while let row = try rows.next() { metrics.append(RunLoader.metric(row)) }
            return metrics
        }
    }

    static let runEntity = SearchSQL.EntitySQL(
        attributes: [
            "run_id": "r.run_id", "run_name": "r.name", "status": "r.status", "user_id": "r.user_id",
            "artifact_uri": "r.artifact_uri", "start_time": "r.start_time", "end_time": "r.end_time",
        ],
        numericAttributes: ["start_time", "end_time"],
        tags: ("run_tags", "x.run_id = r.run_id"),
        params: ("run_params", "x.run_id = r.run_id"),
        metrics: ("latest_metrics", "x.run_id = r.run_id"),
        datasets: ("run_dataset_inputs", "x.run_id = r.run_id"))

    // MARK: Writes shared by several operations

    static func upsertTags(_ db: Database, runID: String, tags: [KeyValue]) throws {
        guard !tags.isEmpty else { return }
        let statement = try db.cachedStatement(sql: "INSERT OR REPLACE INTO run_tags (run_id, key, value) VALUES (?, ?, ?)")
        for tag in tags {
            try statement.execute(arguments: [runID, tag.key, tag.value])
            if tag.key == RunTags.runName {
                try db.execute(sql: "UPDATE runs SET name = ? WHERE run_id = ?", arguments: [tag.value, runID])
            }
        }
    }

    static func insertParams(_ db: Database, runID: String, params: [KeyValue]) throws {
        guard !params.isEmpty else { return }
        let existing = try db.cachedStatement(sql: "SELECT value FROM run_params WHERE run_id = ? AND key = ?")
        let insert = try db.cachedStatement(sql: "INSERT INTO run_params (run_id, key, value) VALUES (?, ?, ?)")
        for param in params {
            if let old = try String.fetchOne(existing, arguments: [runID, param.key]) {
                guard old == param.value else {
                    throw CairnError.invalid(
                        "Changing param values is not allowed. Param with key='\(param.key)' was already logged with value='\(old)' for run ID='\(runID)'. Attempted logging new value '\(param.value)'.")
                }
                continue
            }
            try insert.execute(arguments: [runID, param.key, param.value])
        }
    }

    /// Appends metric values, skipping exact duplicates, and raises each key's latest value where the new one
    /// is later (greater step, then timestamp, then value).
    static func insertMetrics(_ db: Database, runID: String, metrics: [Metric]) throws {
        guard !metrics.isEmpty else { return }
        let insert = try db.cachedStatement(
            sql: """
                INSERT OR IGNORE INTO metrics (run_id, key, value, is_nan, timestamp, step, dataset_name, dataset_digest, model_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        var latest: [String: Metric] = [:]
        for metric in metrics {
            try insert.execute(arguments: RunLoader.metricArguments(runID: runID, metric))
            if let current = latest[metric.key], !RunLoader.isLater(metric, than: current) { continue }
            latest[metric.key] = metric
        }
        let upsert = try db.cachedStatement(
            sql: """
                INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step, dataset_name, dataset_digest, model_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan,
                    timestamp = excluded.timestamp, step = excluded.step, dataset_name = excluded.dataset_name,
                    dataset_digest = excluded.dataset_digest, model_id = excluded.model_id
                WHERE (excluded.step, excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)
                """)
        for metric in latest.values {
            try upsert.execute(arguments: RunLoader.metricArguments(runID: runID, metric))
        }
    }
}
