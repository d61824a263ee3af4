import CairnCore
import CairnStore
import CairnTracking

extension PostgresStore: LoggedModelStore {
    public func createLoggedModel(_ model: LoggedModel) async throws {
        try await write { session in
            try await session.execute(
                Statements.insertLoggedModel,
                [
                    .text(model.modelID), .integer(Int64(model.experimentID) ?? -1), .text(model.name),
                    .integer(model.creationTimestampMs), .integer(model.lastUpdatedTimestampMs), .text(model.artifactURI),
                    .text(model.status.rawValue), .optional(model.statusMessage), .optional(model.creatorID),
                    .optional(model.modelType), .optional(model.sourceRunID),
                ])
            try await Self.execute(session, Statements.upsertLoggedModelTag, id: model.modelID, pairs: model.tags)
            try await Self.execute(session, Statements.insertLoggedModelParam, id: model.modelID, pairs: model.params)
        }
    }

    public func loggedModel(id: String, includeDeleted: Bool) async throws -> LoggedModel? {
        try await read { session in
            let condition = includeDeleted ? "m.model_id = ?" : "m.model_id = ? AND m.deleted = 0"
            return try await PostgresLoaders.loggedModels(session, where: SQLFragment(condition, [.text(id)])).first
        }
    }

    public func setLoggedModelStatus(id: String, status: LoggedModelStatus, now: Int64) async throws {
        try await write { session in
            try await session.execute(Statements.setLoggedModelStatus, [.text(status.rawValue), .integer(now), .text(id)])
        }
    }

    public func setLoggedModelTags(id: String, tags: [KeyValue], now: Int64) async throws {
        try await write { session in
            try await Self.execute(session, Statements.upsertLoggedModelTag, id: id, pairs: tags)
            try await session.execute(Statements.touchLoggedModel, [.integer(now), .text(id)])
        }
    }

    public func deleteLoggedModelTag(id: String, key: String) async throws -> Bool {
        try await write { session in try await session.deleted(Statements.deleteLoggedModelTag, [.text(id), .text(key)]) }
    }

    public func logLoggedModelParams(id: String, params: [KeyValue]) async throws {
        try await write { session in try await Self.execute(session, Statements.insertLoggedModelParam, id: id, pairs: params) }
    }

    public func deleteLoggedModel(id: String, now: Int64) async throws {
        try await write { session in try await session.execute(Statements.deleteLoggedModel, [.integer(now), .text(id)]) }
    }

    public func searchLoggedModels(_ query: EntityQuery) async throws -> [LoggedModel] {
        let parts = try SearchQueries(dialect: .postgres).loggedModels(query)
        return try await read { session in
            try await PostgresLoaders.loggedModels(
                session, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    /// Runs a `(model_id, key, value)` statement for every pair, in key order.
    static func execute(_ session: PostgresSession, _ sql: String, id: String, pairs: [KeyValue]) async throws {
        try await session.executeRows(sql, pairs.sorted { $0.key < $1.key }.map { [.text(id), .text($0.key), .text($0.value)] })
    }
}
