import CairnCore
import CairnRegistry
import GRDB

extension SQLiteStore: ModelVersionStore {
    public func createModelVersion(_ version: ModelVersion) async throws -> ModelVersion {
        try await write { db in
            let next = (try Int.fetchOne(db, sql: "SELECT MAX(version) FROM model_versions WHERE name = ?", arguments: [version.name]) ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO model_versions (name, version, creation_timestamp, last_updated_timestamp, user_id, current_stage,
                        description, source, storage_location, run_id, run_link, model_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    version.name, next, version.creationTimestamp, version.lastUpdatedTimestamp, version.userID,
                    version.currentStage.rawValue, version.description, version.source, version.storageLocation,
                    version.runID, version.runLink, version.modelID,
                ])
            for tag in version.tags {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO model_version_tags (name, version, key, value) VALUES (?, ?, ?, ?)",
                    arguments: [version.name, next, tag.key, tag.value])
            }
            try db.execute(
                sql: "UPDATE registered_models SET last_updated_timestamp = ? WHERE name = ?",
                arguments: [version.creationTimestamp, version.name])
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
                where: SQLFragment(
                    """
                    mv.name = ? AND mv.deleted = 0 AND mv.version = (SELECT a.version FROM registered_model_aliases a
                        WHERE a.name = mv.name AND a.alias = ?)
                    """, [.text(name), .text(alias)])
            ).first
        }
    }

    public func updateModelVersion(name: String, version: Int, description: String?, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE model_versions SET description = ?, last_updated_timestamp = ? WHERE name = ? AND version = ?",
                arguments: [description, now, name, version])
        }
    }

    public func deleteModelVersion(name: String, version: Int, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE model_versions SET deleted = 1, last_updated_timestamp = ? WHERE name = ? AND version = ?",
                arguments: [now, name, version])
            try db.execute(
                sql: "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?", arguments: [name, version])
        }
    }

    public func transitionStage(name: String, version: Int, stage: ModelStage, archiveExisting: Bool, now: Int64) async throws {
        try await write { db in
            if archiveExisting {
                try db.execute(
                    sql: """
                        UPDATE model_versions SET current_stage = 'Archived', last_updated_timestamp = ?
                        WHERE name = ? AND version != ? AND current_stage = ? AND deleted = 0
                        """,
                    arguments: [now, name, version, stage.rawValue])
            }
            try db.execute(
                sql: "UPDATE model_versions SET current_stage = ?, last_updated_timestamp = ? WHERE name = ? AND version = ?",
                arguments: [stage.rawValue, now, name, version])
        }
    }

    public func searchModelVersions(_ query: RegistryQuery) async throws -> [ModelVersion] {
        let search = SearchSQL(entity: Self.modelVersionEntity)
        var condition = SQLFragment("mv.deleted = 0")
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("mv.name ASC, mv.version DESC"))
        let orderBy = SQLFragment.joined(order, separator: ", ")
        return try await read { [condition] db in
            try ModelVersionLoader.load(db, where: condition, orderBy: orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setModelVersionTag(name: String, version: Int, tag: RegistryTag) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO model_version_tags (name, version, key, value) VALUES (?, ?, ?, ?)",
                arguments: [name, version, tag.key, tag.value])
        }
    }

    public func deleteModelVersionTag(name: String, version: Int, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(
                sql: "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?", arguments: [name, version, key])
            return db.changesCount > 0
        }
    }

    static let modelVersionEntity = SearchSQL.EntitySQL(
        attributes: [
            "name": "mv.name", "run_id": "mv.run_id", "source_path": "mv.source", "version_number": "mv.version",
            "creation_timestamp": "mv.creation_timestamp", "last_updated_timestamp": "mv.last_updated_timestamp",
        ],
        numericAttributes: ["version_number", "creation_timestamp", "last_updated_timestamp"],
        tags: ("model_version_tags", "x.name = mv.name AND x.version = mv.version"),
        notEqualMatchesMissing: true)
}

/// Reads model versions with their tags and aliases.
enum ModelVersionLoader {
    static func load(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [ModelVersion] {
        let query = SQLFragment.select("SELECT mv.* FROM model_versions mv", where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        return try rows.map { row in
            let name: String = row["name"]
            let version: Int = row["version"]
            let tags = try Row.fetchAll(
                db, sql: "SELECT key, value FROM model_version_tags WHERE name = ? AND version = ? ORDER BY key",
                arguments: [name, version]
            ).map { RegistryTag(key: $0["key"], value: $0["value"]) }
            let aliases = try String.fetchAll(
                db, sql: "SELECT alias FROM registered_model_aliases WHERE name = ? AND version = ? ORDER BY alias",
                arguments: [name, version])
            return ModelVersion(
                name: name, version: version, creationTimestamp: row["creation_timestamp"],
                lastUpdatedTimestamp: row["last_updated_timestamp"], userID: row["user_id"],
                currentStage: ModelStage(rawValue: row["current_stage"]) ?? .none, description: row["description"],
                source: row["source"], storageLocation: row["storage_location"], runID: row["run_id"],
                runLink: row["run_link"], modelID: row["model_id"], tags: tags, aliases: aliases)
        }
    }
}
