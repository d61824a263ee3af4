import CairnCore
import CairnTracking
import GRDB

extension SQLiteStore: LoggedModelStore {
    public func createLoggedModel(_ model: LoggedModel) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT INTO logged_models (model_id, experiment_id, name, creation_timestamp, last_updated_timestamp,
                        artifact_uri, status, status_message, creator_id, model_type, source_run_id)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    model.modelID, model.experimentID, model.name, model.creationTimestampMs, model.lastUpdatedTimestampMs,
                    model.artifactURI, model.status.rawValue, model.statusMessage, model.creatorID, model.modelType,
                    model.sourceRunID,
                ])
            try Self.upsert(db, table: "logged_model_tags", id: model.modelID, pairs: model.tags, replace: true)
            try Self.upsert(db, table: "logged_model_params", id: model.modelID, pairs: model.params, replace: false)
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
            try db.execute(
                sql: "UPDATE logged_models SET status = ?, last_updated_timestamp = ? WHERE model_id = ?",
                arguments: [status.rawValue, now, id])
        }
    }

    public func setLoggedModelTags(id: String, tags: [KeyValue], now: Int64) async throws {
        try await write { db in
            try Self.upsert(db, table: "logged_model_tags", id: id, pairs: tags, replace: true)
            try db.execute(sql: "UPDATE logged_models SET last_updated_timestamp = ? WHERE model_id = ?", arguments: [now, id])
        }
    }

    public func deleteLoggedModelTag(id: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM logged_model_tags WHERE model_id = ? AND key = ?", arguments: [id, key])
            return db.changesCount > 0
        }
    }

    public func logLoggedModelParams(id: String, params: [KeyValue]) async throws {
        try await write { db in try Self.upsert(db, table: "logged_model_params", id: id, pairs: params, replace: false) }
    }

    public func deleteLoggedModel(id: String, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE logged_models SET deleted = 1, last_updated_timestamp = ? WHERE model_id = ?", arguments: [now, id])
        }
    }

    public func searchLoggedModels(_ query: EntityQuery) async throws -> [LoggedModel] {
        let search = SearchSQL(entity: Self.loggedModelEntity)
        let experiments = query.experimentIDs.map { SQLValue.integer(Int64($0) ?? -1) }
        var condition = SQLFragment("m.deleted = 0")
        if !experiments.isEmpty {
            condition.append(SQLFragment("m.experiment_id IN \(SQLFragment.list(experiments).sql)", experiments), separator: " AND ")
        }
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("m.creation_timestamp DESC, m.model_id ASC"))
        let orderBy = SQLFragment.joined(order, separator: ", ")
        return try await read { [condition] db in
            try Self.fetchLoggedModels(db, where: condition, orderBy: orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    static let loggedModelEntity = SearchSQL.EntitySQL(
        attributes: [
            "name": "m.name", "model_id": "m.model_id", "model_type": "m.model_type", "status": "m.status",
            "source_run_id": "m.source_run_id", "creation_timestamp": "m.creation_timestamp",
            "last_updated_timestamp": "m.last_updated_timestamp", "experiment_id": "CAST(m.experiment_id AS TEXT)",
        ],
        numericAttributes: ["creation_timestamp", "last_updated_timestamp"],
        tags: ("logged_model_tags", "x.model_id = m.model_id"),
        params: ("logged_model_params", "x.model_id = m.model_id"),
        metrics: ("(SELECT model_id, key, value, is_nan FROM metrics)", "x.model_id = m.model_id"))

    static func upsert(_ db: Database, table: String, id: String, pairs: [KeyValue], replace: Bool) throws {
        let verb = replace ? "INSERT OR REPLACE" : "INSERT OR IGNORE"
        let statement = try db.cachedStatement(sql: "\(verb) INTO \(table) (model_id, key, value) VALUES (?, ?, ?)")
        for pair in pairs { try statement.execute(arguments: [id, pair.key, pair.value]) }
    }

    static func fetchLoggedModels(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [LoggedModel] {
        let query = SQLFragment.select("SELECT m.* FROM logged_models m", where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let ids: [SQLValue] = rows.map { .text($0["model_id"]) }
        let tags = try KeyValueLoader.load(db, table: "logged_model_tags", idColumn: "model_id", ids: ids)
        let params = try KeyValueLoader.load(db, table: "logged_model_params", idColumn: "model_id", ids: ids)
        var metrics: [String: [Metric]] = [:]
        for id in ids {
            guard case .text(let modelID) = id else { continue }
            metrics[modelID] = try Row.fetchAll(db, sql: "SELECT * FROM metrics WHERE model_id = ?", arguments: [modelID])
                .map(RunLoader.metric)
        }
        return rows.map { row in
            let id: String = row["model_id"]
            return LoggedModel(
                modelID: id, experimentID: String(row["experiment_id"] as Int64), name: row["name"],
                creationTimestampMs: row["creation_timestamp"], lastUpdatedTimestampMs: row["last_updated_timestamp"],
                artifactURI: row["artifact_uri"], status: LoggedModelStatus(rawValue: row["status"]) ?? .unspecified,
                statusMessage: row["status_message"], creatorID: row["creator_id"], modelType: row["model_type"],
                sourceRunID: row["source_run_id"], tags: tags[id] ?? [], params: params[id] ?? [], metrics: metrics[id] ?? [])
        }
    }
}
