import CairnCore
import CairnRegistry
import GRDB

extension SQLiteStore: RegisteredModelStore {
    public func createRegisteredModel(_ model: RegisteredModel) async throws {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registered_models WHERE name = ?)", arguments: [model.name]) == true {
                throw CairnError.alreadyExists("Registered Model (name=\(model.name)) already exists.")
            }
            try db.execute(
                sql: """
                    INSERT INTO registered_models (name, creation_timestamp, last_updated_timestamp, user_id, description)
                    VALUES (?, ?, ?, ?, ?)
                    """,
                arguments: [model.name, model.creationTimestamp, model.lastUpdatedTimestamp, model.userID, model.description])
            for tag in model.tags {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO registered_model_tags (name, key, value) VALUES (?, ?, ?)",
                    arguments: [model.name, tag.key, tag.value])
            }
        }
    }

    public func registeredModel(named name: String) async throws -> RegisteredModel? {
        try await read { db in try Self.fetchRegisteredModels(db, where: SQLFragment("rm.name = ?", [.text(name)])).first }
    }

    public func renameRegisteredModel(from name: String, to newName: String, now: Int64) async throws {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM registered_models WHERE name = ?)", arguments: [newName]) == true {
                throw CairnError.alreadyExists("Registered Model (name=\(newName)) already exists.")
            }
            try db.execute(
                sql: "UPDATE registered_models SET name = ?, last_updated_timestamp = ? WHERE name = ?",
                arguments: [newName, now, name])
        }
    }

    public func updateRegisteredModel(name: String, description: String?, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE registered_models SET description = ?, last_updated_timestamp = ? WHERE name = ?",
                arguments: [description, now, name])
        }
    }

    public func deleteRegisteredModel(name: String) async throws {
        try await write { db in try db.execute(sql: "DELETE FROM registered_models WHERE name = ?", arguments: [name]) }
    }

    public func searchRegisteredModels(_ query: RegistryQuery) async throws -> [RegisteredModel] {
        let search = SearchSQL(entity: Self.registeredModelEntity)
        let condition = try search.condition(query.filter)
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("rm.name ASC"))
        let orderBy = SQLFragment.joined(order, separator: ", ")
        return try await read { [condition] db in
            try Self.fetchRegisteredModels(db, where: condition, orderBy: orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setRegisteredModelTag(name: String, tag: RegistryTag) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO registered_model_tags (name, key, value) VALUES (?, ?, ?)",
                arguments: [name, tag.key, tag.value])
        }
    }

    public func deleteRegisteredModelTag(name: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM registered_model_tags WHERE name = ? AND key = ?", arguments: [name, key])
            return db.changesCount > 0
        }
    }

    public func setAlias(name: String, alias: String, version: Int) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?)",
                arguments: [name, alias, version])
        }
    }

    public func deleteAlias(name: String, alias: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?", arguments: [name, alias])
            return db.changesCount > 0
        }
    }

    static let registeredModelEntity = SearchSQL.EntitySQL(
        attributes: [
            "name": "rm.name", "creation_timestamp": "rm.creation_timestamp",
            "last_updated_timestamp": "rm.last_updated_timestamp",
        ],
        numericAttributes: ["creation_timestamp", "last_updated_timestamp"],
        tags: ("registered_model_tags", "x.name = rm.name"),
        notEqualMatchesMissing: true)

    static func fetchRegisteredModels(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [RegisteredModel] {
        let query = SQLFragment.select("SELECT rm.* FROM registered_models rm", where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let names: [SQLValue] = rows.map { .text($0["name"]) }
        let tags = try KeyValueLoader.load(db, table: "registered_model_tags", idColumn: "name", ids: names)
        return try rows.map { row in
            let name: String = row["name"]
            let aliases = try Row.fetchAll(
                db, sql: "SELECT alias, version FROM registered_model_aliases WHERE name = ? ORDER BY alias", arguments: [name]
            ).map { ModelAlias(alias: $0["alias"], version: $0["version"]) }
            let latest = try ModelVersionLoader.load(
                db,
                where: SQLFragment(
                    """
                    mv.name = ? AND mv.deleted = 0 AND mv.version = (SELECT MAX(o.version) FROM model_versions o
                        WHERE o.name = mv.name AND o.current_stage = mv.current_stage AND o.deleted = 0)
                    """, [.text(name)]),
                orderBy: SQLFragment("mv.version ASC"))
            return RegisteredModel(
                name: name, creationTimestamp: row["creation_timestamp"], lastUpdatedTimestamp: row["last_updated_timestamp"],
                userID: row["user_id"], description: row["description"], latestVersions: latest,
                tags: (tags[name] ?? []).map { RegistryTag(key: $0.key, value: $0.value) }, aliases: aliases)
        }
    }
}
