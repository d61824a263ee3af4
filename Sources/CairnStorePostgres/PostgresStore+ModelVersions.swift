import CairnCore
import CairnRegistry
import CairnStore

extension PostgresStore: ModelVersionStore {
    public func createModelVersion(_ version: ModelVersion) async throws -> ModelVersion {
        try await write { session in
            // Locking the model's row makes concurrent registrations of one model take numbers one at a time:
            // unique and gapless.
            try await session.execute(Statements.lockRegisteredModel, [.text(version.name)])
            let next = try await session.integer(Statements.nextVersion, [.text(version.name)]) ?? 1
            try await session.execute(
                Statements.insertModelVersion,
                [
                    .text(version.name), .integer(next), .integer(version.creationTimestamp), .integer(version.lastUpdatedTimestamp),
                    .optional(version.userID), .text(version.currentStage.rawValue), .optional(version.description),
                    .text(version.source), .text(version.storageLocation), .optional(version.runID), .optional(version.runLink),
                    .optional(version.modelID),
                ])
            for tag in version.tags {
                try await session.execute(
                    Statements.upsertModelVersionTag, [.text(version.name), .integer(next), .text(tag.key), .text(tag.value)])
            }
            try await session.execute(Statements.touchRegisteredModel, [.integer(version.creationTimestamp), .text(version.name)])
            var stored = version
            stored.version = Int(next)
            return stored
        }
    }

    public func modelVersion(name: String, version: Int) async throws -> ModelVersion? {
        try await read { session in
            try await PostgresLoaders.modelVersions(
                session, where: SQLFragment("mv.name = ? AND mv.version = ? AND mv.deleted = 0", [.text(name), .integer(Int64(version))])
            ).first
        }
    }

    public func modelVersion(name: String, alias: String) async throws -> ModelVersion? {
        try await read { session in
            try await PostgresLoaders.modelVersions(session, where: SQLFragment(Statements.versionByAliasCondition, [.text(name), .text(alias)]))
                .first
        }
    }

    public func updateModelVersion(name: String, version: Int, description: String?, now: Int64) async throws {
        try await write { session in
            try await session.execute(
                Statements.updateModelVersion, [.optional(description), .integer(now), .text(name), .integer(Int64(version))])
        }
    }

    public func deleteModelVersion(name: String, version: Int, now: Int64) async throws {
        try await write { session in
            try await session.execute(Statements.deleteModelVersion, [.integer(now), .text(name), .integer(Int64(version))])
            try await session.execute(Statements.deleteAliasesOfVersion, [.text(name), .integer(Int64(version))])
        }
    }

    public func transitionStage(name: String, version: Int, stage: ModelStage, archiveExisting: Bool, now: Int64) async throws {
        try await write { session in
            if archiveExisting {
                try await session.execute(
                    Statements.archiveStage, [.integer(now), .text(name), .integer(Int64(version)), .text(stage.rawValue)])
            }
            try await session.execute(Statements.setStage, [.text(stage.rawValue), .integer(now), .text(name), .integer(Int64(version))])
        }
    }

    public func searchModelVersions(_ query: RegistryQuery) async throws -> [ModelVersion] {
        let parts = try SearchQueries(dialect: .postgres).modelVersions(query)
        return try await read { session in
            try await PostgresLoaders.modelVersions(
                session, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setModelVersionTag(name: String, version: Int, tag: KeyValue) async throws {
        try await write { session in
            try await session.execute(
                Statements.upsertModelVersionTag, [.text(name), .integer(Int64(version)), .text(tag.key), .text(tag.value)])
        }
    }

    public func deleteModelVersionTag(name: String, version: Int, key: String) async throws -> Bool {
        try await write { session in
            try await session.deleted(Statements.deleteModelVersionTag, [.text(name), .integer(Int64(version)), .text(key)])
        }
    }
}
