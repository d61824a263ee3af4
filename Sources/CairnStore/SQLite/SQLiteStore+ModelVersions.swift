import CairnCore
import CairnRegistry
import GRDB

extension SQLiteStore: ModelVersionStore {
    public func createModelVersion(_ version: ModelVersion) async throws -> ModelVersion {
        try await write { db in
            let next = try Int.fetchOne(db, sql: Statements.nextVersion, arguments: [version.name]) ?? 1
            try db.execute(
                sql: Statements.insertModelVersion,
                arguments: [
                    version.name, next, version.creationTimestamp, version.lastUpdatedTimestamp, version.userID,
                    version.currentStage.rawValue, version.description, version.source, version.storageLocation,
                    version.runID, version.runLink, version.modelID,
                ])
            for tag in version.tags {
                try db.execute(sql: Statements.upsertModelVersionTag, arguments: [version.name, next, tag.key, tag.value])
            }
            try db.execute(sql: Statements.touchRegisteredModel, arguments: [version.creationTimestamp, version.name])
            var stored = version
            stored.version = next
            return stored
        }
    }

    public func modelVersion(name: String, version: Int) async throws -> ModelVersion? {
        try await read { db in
            try ModelVersionLoader.load(
                db, where: SQLFragment("mv.name = ? AND mv.version = ? AND mv.deleted = 0", [.text(name), .integer(Int64(version))])
            ).first
        }
    }

    public func modelVersion(name: String, alias: String) async throws -> ModelVersion? {
        try await read { db in
            try ModelVersionLoader.load(
                db,
                where: SQLFragment(Statements.versionByAliasCondition, [.text(name), .text(alias)])
            ).first
        }
    }

    public func updateModelVersion(name: String, version: Int, description: String?, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.updateModelVersion, arguments: [description, now, name, version])
        }
    }

    public func deleteModelVersion(name: String, version: Int, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.deleteModelVersion, arguments: [now, name, version])
            try db.execute(sql: Statements.deleteAliasesOfVersion, arguments: [name, version])
        }
    }

    public func transitionStage(name: String, version: Int, stage: ModelStage, archiveExisting: Bool, now: Int64) async throws {
        try await write { db in
            if archiveExisting {
                try db.execute(sql: Statements.archiveStage, arguments: [now, name, version, stage.rawValue])
            }
            try db.execute(sql: Statements.setStage, arguments: [stage.rawValue, now, name, version])
        }
    }

    public func searchModelVersions(_ query: RegistryQuery) async throws -> [ModelVersion] {
        let parts = try SearchQueries(dialect: .sqlite).modelVersions(query)
        return try await read { db in
            try ModelVersionLoader.load(db, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setModelVersionTag(name: String, version: Int, tag: KeyValue) async throws {
        try await write { db in
            try db.execute(sql: Statements.upsertModelVersionTag, arguments: [name, version, tag.key, tag.value])
        }
    }

    public func deleteModelVersionTag(name: String, version: Int, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: Statements.deleteModelVersionTag, arguments: [name, version, key])
            return db.changesCount > 0
        }
    }

}

/// Reads model versions with their tags and aliases.
enum ModelVersionLoader {
    static func load(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [ModelVersion] {
        let query = SQLFragment.select(Statements.selectModelVersions, where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        return try rows.map { row in
            let name: String = row["name"]
            let version: Int = row["version"]
            let tags = try Row.fetchAll(db, sql: Statements.versionTags, arguments: [name, version]).map { KeyValue(key: $0["key"], value: $0["value"]) }
            let aliases = try String.fetchAll(db, sql: Statements.versionAliases, arguments: [name, version])
            return RowMapping.modelVersion(SQLiteStore.sqlRow(row), tags: tags, aliases: aliases)
        }
    }
}
