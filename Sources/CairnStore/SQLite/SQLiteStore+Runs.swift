import CairnCore
import CairnTracking
import GRDB

extension SQLiteStore: RunStore {
    public func createRun(_ run: Run) async throws {
        try await write { db in
            let info = run.info
            try db.execute(
                sql: Statements.insertRun,
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
            try String.fetchOne(db, sql: Statements.runStage, arguments: [id]).flatMap(LifecycleStage.init)
        }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws {
        try await write { db in
            if let status {
                try db.execute(sql: Statements.setRunStatus, arguments: [status.rawValue, id])
            }
            if let endTime {
                try db.execute(sql: Statements.setRunEndTime, arguments: [endTime, id])
            }
            if let runName {
                try Self.upsertTags(db, runID: id, tags: [KeyValue(key: RunTags.runName, value: runName)])
            }
        }
    }

    public func setRunStage(id: String, stage: LifecycleStage) async throws {
        try await write { db in
            try db.execute(sql: Statements.setRunStage, arguments: [stage.rawValue, id])
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
            try db.execute(sql: Statements.deleteRunTag, arguments: [runID, key])
            return db.changesCount > 0
        }
    }

    public func logInputs(runID: String, datasets: [DatasetInput], modelIDs: [String]) async throws {
        try await write { db in
            for input in datasets {
                try db.execute(sql: Statements.insertDatasetInput, arguments: SQLiteStore.arguments(DatasetRows.values(runID: runID, input)))
            }
            for modelID in modelIDs {
                try db.execute(sql: Statements.insertModelInput, arguments: [runID, modelID])
            }
        }
    }

    public func logOutputs(runID: String, outputs: [ModelOutput]) async throws {
        try await write { db in
            for output in outputs {
                try db.execute(sql: Statements.upsertModelOutput, arguments: [runID, output.modelID, output.step])
            }
        }
    }

    public func searchRuns(_ query: RunQuery) async throws -> [Run] {
        let parts = try SearchQueries(dialect: .sqlite).runs(query)
        return try await read { db in
            try RunLoader.load(db, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func metricHistory(runID: String, key: String, offset: Int, limit: Int) async throws -> [Metric] {
        try await read { db in
            let rows = try Row.fetchCursor(db, sql: Statements.metricHistory, arguments: [runID, key, limit + 1, offset])
            var metrics: [Metric] = []
            while let row = try rows.next() { metrics.append(RowMapping.metric(SQLiteStore.sqlRow(row))) }
            return metrics
        }
    }

    // MARK: Writes shared by several operations

    static func upsertTags(_ db: Database, runID: String, tags: [KeyValue]) throws {
        guard !tags.isEmpty else { return }
        let statement = try db.cachedStatement(sql: Statements.upsertRunTag)
        for tag in tags {
            try statement.execute(arguments: [runID, tag.key, tag.value])
            if tag.key == RunTags.runName {
                try db.execute(sql: Statements.setRunName, arguments: [tag.value, runID])
            }
        }
    }

    static func insertParams(_ db: Database, runID: String, params: [KeyValue]) throws {
        guard !params.isEmpty else { return }
        let insert = try db.cachedStatement(sql: Statements.insertParam)
        let stored = try db.cachedStatement(sql: Statements.paramValue)
        for param in params {
            try insert.execute(arguments: [runID, param.key, param.value])
            try ParamRule.check(param, stored: try String.fetchOne(stored, arguments: [runID, param.key]), runID: runID)
        }
    }

    /// Appends metric values, skipping exact duplicates, and raises each key's latest value where the new one
    /// is later (greater step, then timestamp, then value).
    static func insertMetrics(_ db: Database, runID: String, metrics: [Metric]) throws {
        guard !metrics.isEmpty else { return }
        let insert = try db.cachedStatement(sql: Statements.insertMetric)
        for metric in metrics {
            try insert.execute(arguments: SQLiteStore.arguments(MetricRows.values(runID: runID, metric)))
        }
        let upsert = try db.cachedStatement(sql: Statements.upsertLatestMetric)
        for metric in MetricRows.latestPerKey(metrics) {
            try upsert.execute(arguments: SQLiteStore.arguments(MetricRows.values(runID: runID, metric)))
        }
    }
}
