import CairnCore
import CairnTracking
import GRDB

extension SQLiteStore: LoggedModelStore {
    public func createLoggedModel(_ model: LoggedModel) async throws {
        try await write { db in
            try db.execute(
                sql: Statements.insertLoggedModel,
                arguments: [
                    model.modelID, model.experimentID, model.name, model.creationTimestampMs, model.lastUpdatedTimestampMs,
                    model.artifactURI, model.status.rawValue, model.statusMessage, model.creatorID, model.modelType,
                    model.sourceRunID,
                ])
            try Self.execute(db, Statements.upsertLoggedModelTag, id: model.modelID, pairs: model.tags)
            try Self.execute(db, Statements.insertLoggedModelParam, id: model.modelID, pairs: model.params)
        }
    }

    public func loggedModel(id: String, includeDeleted: Bool) async throws -> LoggedModel? {
        try await read { db in
            let condition = includeDeleted ? "m.model_id = ?" : "m.model_id = ? AND m.deleted = 0"
            return try Self.fetchLoggedModels(db, where: SQLFragment(condition, [.text(id)])).first
        }
    }

    public func setLoggedModelStatus(id: String, status: LoggedModelStatus, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.setLoggedModelStatus, arguments: [status.rawValue, now, id])
        }
    }

    public func setLoggedModelTags(id: String, tags: [KeyValue], now: Int64) async throws {
        try await write { db in
            try Self.execute(db, Statements.upsertLoggedModelTag, id: id, pairs: tags)
            try db.execute(sql: Statements.touchLoggedModel, arguments: [now, id])
        }
    }

    public func deleteLoggedModelTag(id: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: Statements.deleteLoggedModelTag, arguments: [id, key])
            return db.changesCount > 0
        }
    }

    public func logLoggedModelParams(id: String, params: [KeyValue]) async throws {
        try await write { db in try Self.execute(db, Statements.insertLoggedModelParam, id: id, pairs: params) }
    }

    public func deleteLoggedModel(id: String, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.deleteLoggedModel, arguments: [now, id])
        }
    }

    public func searchLoggedModels(_ query: EntityQuery) async throws -> [LoggedModel] {
        let parts = try SearchQueries(dialect: .sqlite).loggedModels(query)
        return try await read { db in
            try Self.fetchLoggedModels(db, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    /// Runs a `(model_id, key, value)` statement once per pair.
    static func execute(_ db: Database, _ sql: String, id: String, pairs: [KeyValue]) throws {
        let statement = try db.cachedStatement(sql: sql)
        for pair in pairs { try statement.execute(arguments: [id, pair.key, pair.value]) }
    }

    static func fetchLoggedModels(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [LoggedModel] {
        let query = SQLFragment.select(Statements.selectLoggedModels, where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let ids: [SQLValue] = rows.map { .text($0["model_id"]) }
        let tags = try KeyValueLoader.load(db, table: "logged_model_tags", idColumn: "model_id", ids: ids)
        let params = try KeyValueLoader.load(db, table: "logged_model_params", idColumn: "model_id", ids: ids)
        var metrics: [String: [Metric]] = [:]
        for id in ids {
            guard case .text(let modelID) = id else { continue }
            metrics[modelID] = try Row.fetchAll(db, sql: Statements.loggedModelMetrics, arguments: [modelID])
                .map { RowMapping.metric(sqlRow($0)) }
        }
        return rows.map { row in
            let id: String = row["model_id"]
            return RowMapping.loggedModel(sqlRow(row), tags: tags[id] ?? [], params: params[id] ?? [], metrics: metrics[id] ?? [])
        }
    }
}
