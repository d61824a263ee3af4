import CairnCore
import CairnStore
import CairnTracking

extension PostgresStore: ExperimentStore {
    public func createExperiment(
        name: String, artifactLocation: String?, defaultArtifactRoot: String, tags: [KeyValue], now: Int64
    ) async throws -> String {
        try await write { session in
            // Replicas create experiments one at a time, so names and the next id are decided without races.
            try await session.lock(.experiments)
            if try await session.integer(Statements.experimentNameTaken, [.text(name), .integer(-1)]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            let id = try await session.integer(Statements.nextExperimentID) ?? 1
            try await session.execute(
                Statements.insertExperiment,
                [.integer(id), .text(name), .text(artifactLocation ?? "\(defaultArtifactRoot)/\(id)"), .integer(now), .integer(now)])
            for tag in tags {
                try await session.execute(Statements.upsertExperimentTag, [.integer(id), .text(tag.key), .text(tag.value)])
            }
            return String(id)
        }
    }

    public func ensureDefaultExperiment(artifactLocation: String, now: Int64) async throws {
        try await write { session in
            try await session.execute(Statements.insertDefaultExperiment, [.text(artifactLocation), .integer(now), .integer(now)])
        }
    }

    public func experiment(id: String) async throws -> Experiment? {
        guard let numeric = Int64(id) else { return nil }
        return try await read { session in
            try await PostgresLoaders.experiments(session, where: SQLFragment("e.experiment_id = ?", [.integer(numeric)])).first
        }
    }

    public func experiment(named name: String) async throws -> Experiment? {
        try await read { session in
            try await PostgresLoaders.experiments(session, where: SQLFragment("e.name = ?", [.text(name)])).first
        }
    }

    public func searchExperiments(_ query: EntityQuery) async throws -> [Experiment] {
        let parts = try SearchQueries(dialect: .postgres).experiments(query)
        return try await read { session in
            try await PostgresLoaders.experiments(
                session, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func renameExperiment(id: String, to name: String, now: Int64) async throws {
        guard let numeric = Int64(id) else { return }
        try await write { session in
            try await session.lock(.experiments)
            if try await session.integer(Statements.experimentNameTaken, [.text(name), .integer(numeric)]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            try await session.execute(Statements.renameExperiment, [.text(name), .integer(now), .integer(numeric)])
        }
    }

    public func setExperimentStage(id: String, stage: LifecycleStage, now: Int64) async throws {
        guard let numeric = Int64(id) else { return }
        try await write { session in
            try await session.execute(Statements.setExperimentStage, [.text(stage.rawValue), .integer(now), .integer(numeric)])
            try await session.execute(Statements.setExperimentRunsStage, [.text(stage.rawValue), .integer(numeric)])
        }
    }

    public func setExperimentTag(id: String, tag: KeyValue) async throws {
        guard let numeric = Int64(id) else { return }
        try await write { session in
            try await session.execute(Statements.upsertExperimentTag, [.integer(numeric), .text(tag.key), .text(tag.value)])
        }
    }

    public func deleteExperimentTag(id: String, key: String) async throws -> Bool {
        guard let numeric = Int64(id) else { return false }
        return try await write { session in
            try await session.deleted(Statements.deleteExperimentTag, [.integer(numeric), .text(key)])
        }
    }
}
