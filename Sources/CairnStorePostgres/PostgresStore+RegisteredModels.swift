import CairnCore
import CairnRegistry
import CairnStore

extension PostgresStore: RegisteredModelStore {
    public func createRegisteredModel(_ model: RegisteredModel) async throws {
        try await write { session in
            try await session.lock(.registeredModels)
            if try await session.integer(Statements.registeredModelExists, [.text(model.name)]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Registered Model (name=\(model.name)) already exists.")
            }
            try await session.execute(
                Statements.insertRegisteredModel,
                [
                    .text(model.name), .integer(model.creationTimestamp), .integer(model.lastUpdatedTimestamp),
                    .optional(model.userID), .optional(model.description),
                ])
            for tag in model.tags {
                try await session.execute(Statements.upsertRegisteredModelTag, [.text(model.name), .text(tag.key), .text(tag.value)])
            }
        }
    }

    public func registeredModel(named name: String) async throws -> RegisteredModel? {
        try await read { session in
            try await PostgresLoaders.registeredModels(session, where: SQLFragment("rm.name = ?", [.text(name)])).first
        }
    }

    public func renameRegisteredModel(from name: String, to newName: String, now: Int64) async throws {
        try await write { session in
            try await session.lock(.registeredModels)
            if try await session.integer(Statements.registeredModelExists, [.text(newName)]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Registered Model (name=\(newName)) already exists.")
            }
            try await session.execute(Statements.renameRegisteredModel, [.text(newName), .integer(now), .text(name)])
        }
    }

    public func updateRegisteredModel(name: String, description: String?, now: Int64) async throws {
        try await write { session in
            try await session.execute(Statements.updateRegisteredModel, [.optional(description), .integer(now), .text(name)])
        }
    }

    public func deleteRegisteredModel(name: String) async throws {
        try await write { session in try await session.execute(Statements.deleteRegisteredModel, [.text(name)]) }
    }

    public func searchRegisteredModels(_ query: RegistryQuery) async throws -> [RegisteredModel] {
        let parts = try SearchQueries(dialect: .postgres).registeredModels(query)
        return try await read { session in
            try await PostgresLoaders.registeredModels(
                session, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func setRegisteredModelTag(name: String, tag: KeyValue) async throws {
        try await write { session in
            try await session.execute(Statements.upsertRegisteredModelTag, [.text(name), .text(tag.key), .text(tag.value)])
        }
    }

    public func deleteRegisteredModelTag(name: String, key: String) async throws -> Bool {
        try await write { session in try await session.deleted(Statements.deleteRegisteredModelTag, [.text(name), .text(key)]) }
    }

    public func setAlias(name: String, alias: String, version: Int) async throws {
        try await write { session in
            try await session.execute(Statements.upsertAlias, [.text(name), .text(alias), .integer(Int64(version))])
        }
    }

    public func deleteAlias(name: String, alias: String) async throws -> Bool {
        try await write { session in try await session.deleted(Statements.deleteAlias, [.text(name), .text(alias)]) }
    }
}
