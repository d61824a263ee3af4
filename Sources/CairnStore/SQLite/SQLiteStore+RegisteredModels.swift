import CairnCore
import CairnRegistry
import GRDB

extension SQLiteStore: RegisteredModelStore {
    public func createRegisteredModel(_ model: RegisteredModel) async throws {
        try await write { db in
            if try Int.fetchOne(db, sql: Statements.registeredModelExists, arguments: [model.name]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Registered Model (name=\(model.name)) already exists.")
            }
            try db.execute(
                sql: Statements.insertRegisteredModel,
                arguments: [model.name, model.creationTimestamp, model.lastUpdatedTimestamp, model.userID, model.description])
            for tag in model.tags {
                try db.execute(sql: Statements.upsertRegisteredModelTag, arguments: [model.name, tag.key, tag.value])
            }
        }
    }

    public func registeredModel(named name: String) async throws -> RegisteredModel? {
        try await read { db in try Self.fetchRegisteredModels(db, where: SQLFragment("rm.name = ?", [.text(name)])).first }
    }

    public func renameRegisteredModel(from name: String, to newName: String, now: Int64) async throws {
        try await write { db in
            if try Int.fetchOne(db, sql: Statements.registeredModelExists, arguments: [newName]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Registered Model (name=\(newName)) already exists.")
            }
            try db.execute(sql: Statements.renameRegisteredModel, arguments: [newName, now, name])
        }
    }

    public func updateRegisteredModel(name: String, description: String?, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.updateRegisteredModel, arguments: [description, now, name])
        }
    }

    public func deleteRegisteredModel(name: String) async throws {
        try await write { db in try db.execute(sql: Statements.deleteRegisteredModel, arguments: [name]) }
    }

    public func searchRegisteredModels(_ query: RegistryQuery) async throws -> [RegisteredModel] {
        let parts = try SearchQueries(dialect: .sqlite).registeredModels(query)
        return try await read { db in
            try Self.fetchRegisteredModels(db, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setRegisteredModelTag(name: String, tag: KeyValue) async throws {
        try await write { db in
            try db.execute(sql: Statements.upsertRegisteredModelTag, arguments: [name, tag.key, tag.value])
        }
    }

    public func deleteRegisteredModelTag(name: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: Statements.deleteRegisteredModelTag, arguments: [name, key])
            return db.changesCount > 0
        }
    }

    public func setAlias(name: String, alias: String, version: Int) async throws {
        try await write { db in
            try db.execute(sql: Statements.upsertAlias, arguments: [name, alias, version])
        }
    }

    public func deleteAlias(name: String, alias: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: Statements.deleteAlias, arguments: [name, alias])
            return db.changesCount > 0
        }
    }

    static func fetchRegisteredModels(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [RegisteredModel] {
        let query = SQLFragment.select(Statements.selectRegisteredModels, where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let names: [SQLValue] = rows.map { .text($0["name"]) }
        let tags = try KeyValueLoader.load(db, table: "registered_model_tags", idColumn: "name", ids: names)
        return try rows.map { row in
            let name: String = row["name"]
            let aliases = try Row.fetchAll(db, sql: Statements.aliasesOfModel, arguments: [name]).map { ModelAlias(alias: $0["alias"], version: $0["version"]) }
            let latest = try ModelVersionLoader.load(
                db,
                where: SQLFragment(Statements.latestVersionsCondition, [.text(name)]),
                orderBy: SQLFragment("mv.version ASC"))
            return RowMapping.registeredModel(sqlRow(row), latestVersions: latest, tags: tags[name] ?? [], aliases: aliases)
        }
    }
}
