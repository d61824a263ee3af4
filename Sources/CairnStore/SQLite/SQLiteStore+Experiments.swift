import CairnCore
import CairnTracking
import GRDB

extension SQLiteStore: ExperimentStore {
    public func createExperiment(
        name: String, artifactLocation: String?, defaultArtifactRoot: String, tags: [KeyValue], now: Int64
    ) async throws -> String {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM experiments WHERE name = ?)", arguments: [name]) == true {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            let nextID = (try Int64.fetchOne(db, sql: "SELECT MAX(experiment_id) FROM experiments") ?? 0) + 1
            try db.execute(
                sql: """
                    INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
                    VALUES (?, ?, ?, 'active', ?, ?)
                    """,
                arguments: [nextID, name, artifactLocation ?? "\(defaultArtifactRoot)/\(nextID)", now, now])
            for tag in tags {
                try db.execute(
                    sql: "INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)",
                    arguments: [nextID, tag.key, tag.value])
            }
            return String(nextID)
        }
    }

    public func ensureDefaultExperiment(artifactLocation: String, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: """
                    INSERT OR IGNORE INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
                    VALUES (0, 'Default', ?, 'active', ?, ?)
                    """,
                arguments: [artifactLocation, now, now])
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
        let search = SearchSQL(entity: Self.experimentEntity)
        var condition = try search.condition(query.filter)
        condition.append(
            SQLFragment("e.lifecycle_stage IN " + SQLFragment.list(query.viewType.stages.map { .text($0.rawValue) }).sql,
                        query.viewType.stages.map { .text($0.rawValue) }), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        if !query.orderBy.contains(where: { $0.key == "creation_time" }) { order.append(SQLFragment("e.creation_time DESC")) }
        order.append(SQLFragment("e.experiment_id ASC"))
        let orderBy = SQLFragment.joined(order, separator: ", ")
        return try await read { [condition] db in
            try Self.fetchExperiments(db, where: condition, orderBy: orderBy, limit: query.limit + 1, offset: query.offset)
        }
    }

    public func renameExperiment(id: String, to name: String, now: Int64) async throws {
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM experiments WHERE name = ? AND experiment_id != ?)", arguments: [name, id]) == true {
                throw CairnError.alreadyExists("Experiment '\(name)' already exists.")
            }
            try db.execute(
                sql: "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?", arguments: [name, now, id])
        }
    }

    public func setExperimentStage(id: String, stage: LifecycleStage, now: Int64) async throws {
        try await write { db in
            try db.execute(
                sql: "UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?",
                arguments: [stage.rawValue, now, id])
            try db.execute(sql: "UPDATE runs SET lifecycle_stage = ? WHERE experiment_id = ?", arguments: [stage.rawValue, id])
        }
    }

    public func setExperimentTag(id: String, tag: KeyValue) async throws {
        try await write { db in
            try db.execute(
                sql: "INSERT OR REPLACE INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)",
                arguments: [id, tag.key, tag.value])
        }
    }

    public func deleteExperimentTag(id: String, key: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?", arguments: [id, key])
            return db.changesCount > 0
        }
    }

    static let experimentEntity = SearchSQL.EntitySQL(
        attributes: [
            "name": "e.name", "experiment_id": "CAST(e.experiment_id AS TEXT)", "creation_time": "e.creation_time",
            "last_update_time": "e.last_update_time",
        ],
        numericAttributes: ["creation_time", "last_update_time"],
        tags: ("experiment_tags", "x.experiment_id = e.experiment_id"))

    static func fetchExperiments(
        _ db: Database, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) throws -> [Experiment] {
        let query = SQLFragment.select("SELECT e.* FROM experiments e", where: condition, orderBy: orderBy, limit: limit, offset: offset)
        let rows = try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments))
        let ids = rows.map { $0["experiment_id"] as Int64 }
        let tags = try KeyValueLoader.load(db, table: "experiment_tags", idColumn: "experiment_id", ids: ids.map { .integer($0) })
        return rows.map { row in
            let id: Int64 = row["experiment_id"]
            return Experiment(
                id: String(id), name: row["name"], artifactLocation: row["artifact_location"],
                lifecycleStage: LifecycleStage(rawValue: row["lifecycle_stage"]) ?? .active,
                creationTime: row["creation_time"], lastUpdateTime: row["last_update_time"],
                tags: tags[String(id)] ?? [])
        }
    }
}

/// Loads key-value child rows (tags, params) for a set of parent ids in one query.
enum KeyValueLoader {
    /// - Returns: the pairs per parent id, rendered as a string, each list sorted by key.
    static func load(_ db: Database, table: String, idColumn: String, ids: [SQLValue]) throws -> [String: [KeyValue]] {
        guard !ids.isEmpty else { return [:] }
        var result: [String: [KeyValue]] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min($0 + 500, ids.count)]) }) {
            let list = SQLFragment.list(chunk)
            let rows = try Row.fetchCursor(
                db, sql: "SELECT \(idColumn) AS id, key, value FROM \(table) WHERE \(idColumn) IN \(list.sql) ORDER BY key",
                arguments: SQLiteStore.arguments(list.arguments))
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
