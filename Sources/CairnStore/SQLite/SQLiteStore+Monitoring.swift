import CairnCore
import CairnMonitoring
import GRDB

extension SQLiteStore: PredictionLogReader, MonitorStore, AlertStore {
    /// The rows of one of ``MonitorSQL``'s statements.
    private static func rows(_ db: Database, _ sql: String, _ values: [SQLValue]) throws -> [SQLRow] {
        try Row.fetchAll(db, sql: sql, arguments: arguments(values)).map(sqlRow)
    }

    private static func exists(_ db: Database, _ countSQL: String, _ key: String) throws -> Bool {
        try (rows(db, countSQL, [.text(key)]).first?.integer("n") ?? 0) > 0
    }

    public func labeledPredictions(deployment: String, start: Int64, end: Int64, limit: Int) async throws -> [LabeledPrediction] {
        try await read { db in
            // Read by position through a cursor: this query can return hundreds of thousands of rows.
            let rows = try Row.fetchCursor(
                db, sql: MonitorSQL.labeledPredictions,
                arguments: Self.arguments([.text(deployment), .integer(start), .integer(end), .integer(Int64(limit))]))
            var predictions: [LabeledPrediction] = []
            while let row = try rows.next() {
                predictions.append(
                    LabeledPrediction(
                        requestID: row[0], model: row[1], version: row[2], inputs: row[3], outputs: row[4], time: row[5], label: row[6]))
            }
            return predictions
        }
    }

    public func deploymentExists(_ name: String) async throws -> Bool {
        try await read { db in try Self.exists(db, MonitorSQL.deploymentCount, name) }
    }

    public func createMonitor(_ monitor: Monitor) async throws {
        let arguments = try MonitorSQL.arguments(monitor)
        let inserted = try await write { db in try !Self.rows(db, MonitorSQL.insertMonitor, arguments).isEmpty }
        if !inserted { throw CairnError.alreadyExists("Monitor '\(monitor.name)' already exists") }
    }

    public func monitor(named name: String) async throws -> Monitor? {
        try await read { db in try Self.rows(db, MonitorSQL.selectMonitor, [.text(name)]).first.map(MonitorSQL.monitor) }
    }

    public func monitors() async throws -> [Monitor] {
        try await read { db in try Self.rows(db, MonitorSQL.selectMonitors, []).map(MonitorSQL.monitor) }
    }

    public func dueMonitors(at now: Int64) async throws -> [String] {
        try await read { db in try Self.rows(db, MonitorSQL.selectDueMonitors, [.integer(now)]).compactMap { $0.text("name") } }
    }

    public func deleteMonitor(named name: String) async throws -> Bool {
        try await write { db in try !Self.rows(db, MonitorSQL.deleteMonitor, [.text(name)]).isEmpty }
    }

    public func setNextRun(monitor: String, at time: Int64) async throws {
        try await write { db in try db.execute(sql: MonitorSQL.setNextRun, arguments: Self.arguments([.integer(time), .text(monitor)])) }
    }

    public func appendRun(_ run: MonitorRun) async throws {
        let arguments = try MonitorSQL.arguments(run)
        let inserted = try await write { db in try !Self.rows(db, MonitorSQL.insertRun, arguments).isEmpty }
        if !inserted { throw CairnError.notFound("Monitor '\(run.monitor)' does not exist") }
    }

    public func runs(monitor: String, limit: Int) async throws -> [MonitorRun] {
        try await read { db in try Self.rows(db, MonitorSQL.selectRuns, [.text(monitor), .integer(Int64(limit))]).map(MonitorSQL.run) }
    }

    public func claimLease(_ name: String, holder: String, now: Int64, expiresAt: Int64) async throws -> Bool {
        try await write { db in
            try !Self.rows(db, MonitorSQL.claimLease, [.text(name), .text(holder), .integer(expiresAt), .integer(now)]).isEmpty
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await write { db in try db.execute(sql: MonitorSQL.releaseLease, arguments: Self.arguments([.text(name), .text(holder)])) }
    }

    public func openAlert(_ alert: Alert) async throws -> Bool {
        try await write { db in try !Self.rows(db, MonitorSQL.insertAlert, MonitorSQL.arguments(alert)).isEmpty }
    }

    public func resolveAlert(monitor: String, by run: String, at time: Int64) async throws -> Alert? {
        try await write { db in
            try Self.rows(db, MonitorSQL.resolveAlert, [.integer(time), .text(run), .text(monitor)]).first.map(MonitorSQL.alert)
        }
    }

    public func alerts(monitor: String?, openOnly: Bool, limit: Int) async throws -> [Alert] {
        let query = MonitorSQL.alerts(monitor: monitor, openOnly: openOnly, limit: limit)
        return try await read { db in try Self.rows(db, query.sql, query.arguments).map(MonitorSQL.alert) }
    }

    public func recordDelivery(_ delivery: WebhookDelivery) async throws {
        try await write { db in try db.execute(sql: MonitorSQL.insertDelivery, arguments: Self.arguments(MonitorSQL.arguments(delivery))) }
    }

    public func deliveries(alertIDs: [String]) async throws -> [String: [WebhookDelivery]] {
        guard !alertIDs.isEmpty else { return [:] }
        let query = MonitorSQL.deliveries(alertIDs: alertIDs)
        return MonitorSQL.grouped(try await read { db in try Self.rows(db, query.sql, query.arguments).map(MonitorSQL.delivery) })
    }
}
