import CairnCore
import CairnTracking
import GRDB

extension SQLiteStore: ExperimentStore {
    public func createExperiment(
        name: String, artifactLocation: String?, defaultArtifactRoot: String, tags: [KeyValue], now: Int64
    ) async throws -> String {
        try await write { db in
            if try Int.fetchOne(db, sql: Statements.experimentNameTaken, arguments: [name, -1]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            let nextID = try Int64.fetchOne(db, sql: Statements.nextExperimentID) ?? 1
            try db.execute(
                sql: Statements.insertExperiment,
                arguments: [nextID, name, artifactLocation ?? "\(defaultArtifactRoot)/\(nextID)", now, now])
            for tag in tags {
                try db.execute(sql: Statements.upsertExperimentTag, arguments: [nextID, tag.key, tag.value])
            }
            return String(nextID)
        }
    }

    public func ensureDefaultExperiment(artifactLocation: String, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.insertDefaultExperiment, arguments: [artifactLocation, now, now])
        }
    }

    public func experiment(id: String) async throws -> Experiment? {
        guard let numeric = Int64(id) else { return nil }
        return try await read { db in
            try Self.fetchExperiments(db, where: SQLFragment("e.experiment_id = ?", [.integer(numeric)])).first
        }
    }

    public func experiment(named name: String) async throws -> Experiment? {
        try await read { db in try Self.fetchExperiments(db, where: SQLFragment("e.name = ?", [.text(name)])).first }
    }

    public func searchExperiments(_ query: EntityQuery) async throws -> [Experiment] {
        let parts = try SearchQueries(dialect: .sqlite).experiments(query)
        return try await read { db in
            try Self.fetchExperiments(db, where: parts.condition, orderBy: parts.orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func renameExperiment(id: String, to name: String, now: Int64) async throws {
        try await write { db in
            if try Int.fetchOne(db, sql: Statements.experimentNameTaken, arguments: [name, id]) ?? 0 > 0 {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            try db.execute(sql: Statements.renameExperiment, arguments: [name, now, id])
        }
    }

    public func setExperimentStage(id: String, stage: LifecycleStage, now: Int64) async throws {
        try await write { db in
            try db.execute(sql: Statements.setExperimentStage, arguments: [stage.rawValue, now, id])
            try db.execute(sql: Statements.setExperimentRunsStage, arguments: [stage.rawValue, id])
        }
    }

    public func setExperimentTag(id: String, tag: KeyValue) async throws {
        try await write { db in try db.execute(sql: Statements.upsertExperimentTag, arguments: [id, tag.key, tag.value]) }
    }

    public func deleteExperimentTag(id: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: Statements.deleteExperimentTag, arguments: [id, key])
            return db.changesCount > 0
        }
    }

    static func fetchExperiments(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Experiment] {
        let query = SQLFragment.select(Statements.selectExperiments, where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let ids = rows.map { $0["experiment_id"] as Int64 }
        let tags = try KeyValueLoader.load(db, table: "experiment_tags", idColumn: "experiment_id", ids: ids.map { .integer($0) })
        return rows.map { row in RowMapping.experiment(sqlRow(row), tags: tags[String(row["experiment_id"] as Int64)] ?? []) }
    }
}

/// Loads key-value child rows (tags, params) for a set of parent ids in one query.
enum KeyValueLoader {
    /// - Returns: the pairs per parent id, rendered as a string, each list sorted by key.
    static func load(_ db: Database, table: String, idColumn: String, ids: [SQLValue]) throws -> [String: [KeyValue]] {
        guard !ids.isEmpty else { return [:] }
        var result: [String: [KeyValue]] = [:]
        for start in stride(from: 0, to: ids.count, by: Statements.chunkSize) {
            let chunk = Array(ids[start..<min(start + Statements.chunkSize, ids.count)])
            let query = Statements.keyValues(table: table, idColumn: idColumn, ids: chunk)
            let rows = try Row.fetchCursor(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
            while let row = try rows.next() {
                let id = row["id"] as DatabaseValue
                result[Self.idString(id) ?? "", default: []].append(KeyValue(key: row["key"], value: row["value"]))
            }
        }
        return result
    }

    static func idString(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .int64(let int): String(int)
        case .string(let text): text
        default: nil
        }
    }
}
