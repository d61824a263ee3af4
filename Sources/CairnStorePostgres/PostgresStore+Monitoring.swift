import CairnCore
import CairnMonitoring
import CairnStore

extension PostgresStore: PredictionLogReader, MonitorStore, AlertStore {
    private static func exists(_ session: PostgresSession, _ countSQL: String, _ key: String) async throws -> Bool {
        try await (session.integer(countSQL, [.text(key)]) ?? 0) > 0
    }

    public func labeledPredictions(deployment: String, start: Int64, end: Int64, limit: Int) async throws -> [LabeledPrediction] {
        try await read { session in
            try await session.rows(MonitorSQL.labeledPredictions, [.text(deployment), .integer(start), .integer(end), .integer(Int64(limit))])
        }.map(MonitorSQL.labeledPrediction)
    }

    public func deploymentExists(_ name: String) async throws -> Bool {
        try await read { session in try await Self.exists(session, MonitorSQL.deploymentCount, name) }
    }

    public func createMonitor(_ monitor: Monitor) async throws {
        let arguments = try MonitorSQL.arguments(monitor)
        let inserted = try await write { session in try await !session.rows(MonitorSQL.insertMonitor, arguments).isEmpty }
        if !inserted { throw CairnError.alreadyExists("Monitor '\(monitor.name)' already exists") }
    }

    public func monitor(named name: String) async throws -> Monitor? {
        try await read { session in try await session.rows(MonitorSQL.selectMonitor, [.text(name)]).first }.map(MonitorSQL.monitor)
    }

    public func monitors() async throws -> [Monitor] {
        try await read { session in try await session.rows(MonitorSQL.selectMonitors) }.map(MonitorSQL.monitor)
    }

    public func dueMonitors(at now: Int64) async throws -> [String] {
        try await read { session in try await session.rows(MonitorSQL.selectDueMonitors, [.integer(now)]) }.compactMap { $0.text("name") }
    }

    public func deleteMonitor(named name: String) async throws -> Bool {
        try await write { session in try await !session.rows(MonitorSQL.deleteMonitor, [.text(name)]).isEmpty }
    }

    public func setNextRun(monitor: String, at time: Int64) async throws {
        try await write { session in try await session.execute(MonitorSQL.setNextRun, [.integer(time), .text(monitor)]) }
    }

    public func appendRun(_ run: MonitorRun) async throws {
        let arguments = try MonitorSQL.arguments(run)
        let missing = CairnError.notFound("Monitor '\(run.monitor)' does not exist")
        do {
            let inserted = try await write { session in try await !session.rows(MonitorSQL.insertRun, arguments).isEmpty }
            if !inserted { throw missing }
        } catch let error as CairnError where error.code == .notFound {
            throw missing
        }
    }

    public func runs(monitor: String, limit: Int) async throws -> [MonitorRun] {
        try await read { session in try await session.rows(MonitorSQL.selectRuns, [.text(monitor), .integer(Int64(limit))]) }.map(MonitorSQL.run)
    }

    public func claimLease(_ name: String, holder: String, now: Int64, expiresAt: Int64) async throws -> Bool {
        try await write { session in
            try await !session.rows(MonitorSQL.claimLease, [.text(name), .text(holder), .integer(expiresAt), .integer(now)]).isEmpty
        }
    }

    public func releaseLease(_ name: String, holder: String) async throws {
        try await write { session in try await session.execute(MonitorSQL.releaseLease, [.text(name), .text(holder)]) }
    }

    public func openAlert(_ alert: Alert) async throws -> Bool {
        try await write { session in try await !session.rows(MonitorSQL.insertAlert, MonitorSQL.arguments(alert)).isEmpty }
    }

    public func resolveAlert(monitor: String, by run: String, at time: Int64) async throws -> Alert? {
        try await write { session in
            try await session.rows(MonitorSQL.resolveAlert, [.integer(time), .text(run), .text(monitor)]).first
        }.map(MonitorSQL.alert)
    }

    public func alerts(monitor: String?, openOnly: Bool, limit: Int) async throws -> [Alert] {
        let query = MonitorSQL.alerts(monitor: monitor, openOnly: openOnly, limit: limit)
        return try await read { session in try await session.rows(query.sql, query.arguments) }.map(MonitorSQL.alert)
    }

    public func recordDelivery(_ delivery: WebhookDelivery) async throws {
        try await write { session in try await session.execute(MonitorSQL.insertDelivery, MonitorSQL.arguments(delivery)) }
    }

    public func deliveries(alertIDs: [String]) async throws -> [String: [WebhookDelivery]] {
        guard !alertIDs.isEmpty else { return [:] }
        let query = MonitorSQL.deliveries(alertIDs: alertIDs)
        return MonitorSQL.grouped(try await read { session in try await session.rows(query.sql, query.arguments) }.map(MonitorSQL.delivery))
    }
}
