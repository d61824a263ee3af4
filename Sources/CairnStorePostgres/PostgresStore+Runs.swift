import CairnCore
import CairnStore
import CairnTracking

extension PostgresStore: RunStore {
    public func createRun(_ run: Run) async throws {
        let info = run.info
        try await write { session in
            try await session.execute(
                Statements.insertRun,
                [
                    .text(info.runID), .integer(Int64(info.experimentID) ?? -1), .text(info.runName), .text(info.userID), .text(info.status.rawValue),
                    .integer(info.startTime), info.endTime.map(SQLValue.integer) ?? .null, .text(info.artifactURI),
                    .text(info.lifecycleStage.rawValue),
                ])
            try await Self.upsertTags(session, runID: info.runID, tags: run.tags)
        }
    }

    public func run(id: String) async throws -> Run? {
        try await read { session in try await PostgresLoaders.runs(session, where: SQLFragment("r.run_id = ?", [.text(id)])).first }
    }

    public func runStage(id: String) async throws -> LifecycleStage? {
        try await read { session in
            try await session.rows(Statements.runStage, [.text(id)]).first?.text("lifecycle_stage").flatMap(LifecycleStage.init)
        }
    }

    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws {
        try await write { session in
            if let status { try await session.execute(Statements.setRunStatus, [.text(status.rawValue), .text(id)]) }
            if let endTime { try await session.execute(Statements.setRunEndTime, [.integer(endTime), .text(id)]) }
            if let runName { try await Self.upsertTags(session, runID: id, tags: [KeyValue(key: RunTags.runName, value: runName)]) }
        }
    }

    public func setRunStage(id: String, stage: LifecycleStage) async throws {
        try await write { session in try await session.execute(Statements.setRunStage, [.text(stage.rawValue), .text(id)]) }
    }

    public func logBatch(runID: String, metrics: [Metric], params: [KeyValue], tags: [KeyValue]) async throws {
        try await write { session in
            // Keys are written in sorted order so concurrent batches to one run lock rows in the same order.
            for param in params.sorted(by: { $0.key < $1.key }) {
                try await session.execute(Statements.insertParam, [.text(runID), .text(param.key), .text(param.value)])
                let stored = try await session.rows(Statements.paramValue, [.text(runID), .text(param.key)]).first?.text("value")
                try ParamRule.check(param, stored: stored, runID: runID)
            }
            try await session.executeRows(Statements.insertMetric, metrics.map { MetricRows.values(runID: runID, $0) })
            try await session.executeRows(
                Statements.upsertLatestMetric, MetricRows.latestPerKey(metrics).map { MetricRows.values(runID: runID, $0) })
            try await Self.upsertTags(session, runID: runID, tags: tags.sorted { $0.key < $1.key })
        }
    }

    public func deleteRunTag(runID: String, key: String) async throws -> Bool {
        try await write { session in try await session.deleted(Statements.deleteRunTag, [.text(runID), .text(key)]) }
    }

    public func logInputs(runID: String, datasets: [DatasetInput], modelIDs: [String]) async throws {
        try await write { session in
            for input in datasets {
                try await session.execute(Statements.insertDatasetInput, try DatasetRows.values(runID: runID, input))
            }
            for modelID in modelIDs {
                try await session.execute(Statements.insertModelInput, [.text(runID), .text(modelID)])
            }
        }
    }

    public func logOutputs(runID: String, outputs: [ModelOutput]) async throws {
        try await write { session in
            for output in outputs {
                try await session.execute(Statements.upsertModelOutput, [.text(runID), .text(output.modelID), .integer(output.step)])
            }
        }
    }

    public func searchRuns(_ query: RunQuery) async throws -> [Run] {
        let parts = try SearchQueries(dialect: .postgres).runs(query)
        return try await read { session in
            try await PostgresLoaders.runs(session, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func metricHistory(runID: String, key: String, offset: Int, limit: Int) async throws -> [Metric] {
        try await read { session in
            try await session.rows(Statements.metricHistory, [.text(runID), .text(key), .integer(Int64(limit + 1)), .integer(Int64(offset))])
                .map(RowMapping.metric)
        }
    }

    /// Sets run tags; the run-name tag also renames the run, as in the SQLite adapter.
    static func upsertTags(_ session: PostgresSession, runID: String, tags: [KeyValue]) async throws {
        for tag in tags {
            try await session.execute(Statements.upsertRunTag, [.text(runID), .text(tag.key), .text(tag.value)])
            if tag.key == RunTags.runName {
                try await session.execute(Statements.setRunName, [.text(tag.value), .text(runID)])
            }
        }
    }
}
