import CairnCore
import CairnMonitoring
import Foundation

/// The statements of the monitoring ports, the same text for both databases, and the mapping of their rows.
package enum MonitorSQL {
    /// Columns in this order: request_id, model, version, inputs, outputs, time, label (the SQLite adapter reads
    /// them by position).
    package static let labeledPredictions = """
        SELECT p.request_id, p.model, p.version, p.inputs, p.outputs, p.time, l.label
        FROM prediction_log p LEFT JOIN prediction_labels l ON l.request_id = p.request_id
        WHERE p.deployment = ? AND p.time >= ? AND p.time < ? ORDER BY p.time, p.request_id LIMIT ?
        """
    package static let deploymentCount = "SELECT COUNT(*) AS n FROM deployments WHERE name = ?"
    package static let insertMonitor = """
        INSERT INTO monitors (name, deployment, spec, creation_time, next_run) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (name) DO NOTHING RETURNING name
        """
    package static let selectMonitor = "SELECT * FROM monitors WHERE name = ?"
    package static let selectMonitors = "SELECT * FROM monitors ORDER BY name"
    package static let selectDueMonitors = "SELECT name FROM monitors WHERE next_run <= ? ORDER BY name"
    package static let deleteMonitor = "DELETE FROM monitors WHERE name = ? RETURNING name"
    package static let setNextRun = "UPDATE monitors SET next_run = ? WHERE name = ?"
    /// Inserts a run when its monitor exists (the last argument is the monitor's name again); returns a row only then.
    package static let insertRun = """
        INSERT INTO monitor_runs (run_id, monitor, time, status, result)
        SELECT ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM monitors WHERE name = ?) RETURNING run_id
        """
    package static let selectRuns = "SELECT * FROM monitor_runs WHERE monitor = ? ORDER BY time DESC, run_id DESC LIMIT ?"
    /// Takes a free lease (absent, expired, or this holder's); returns a row only when the caller holds it.
    package static let claimLease = """
        INSERT INTO leases (name, holder, expires_at) VALUES (?, ?, ?)
        ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, expires_at = excluded.expires_at
        WHERE leases.expires_at <= ? OR leases.holder = excluded.holder RETURNING holder
        """
    package static let releaseLease = "DELETE FROM leases WHERE name = ? AND holder = ?"
    /// Opens an alert when its monitor exists (the last argument) and has no open one (the partial unique index
    /// `alerts_one_open`); returns a row only then. Nullable values are cast, as in ``insertDelivery``.
    package static let insertAlert = """
        INSERT INTO alerts (alert_id, monitor, deployment, status, opened_at, opened_by, resolved_at, resolved_by, summary)
        SELECT ?, ?, ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS TEXT), ? WHERE EXISTS (SELECT 1 FROM monitors WHERE name = ?)
        ON CONFLICT DO NOTHING RETURNING alert_id
        """
    package static let resolveAlert = """
        UPDATE alerts SET status = 'resolved', resolved_at = ?, resolved_by = ? WHERE monitor = ? AND status = 'open' RETURNING *
        """
    /// Records a delivery when its alert exists (the last argument is the alert's id again). The nullable values are
    /// cast so that PostgreSQL knows the type of a NULL argument in the SELECT list.
    package static let insertDelivery = """
        INSERT INTO webhook_deliveries (alert_id, url, event, attempt, time, status_code, error)
        SELECT ?, ?, ?, ?, ?, CAST(? AS BIGINT), CAST(? AS TEXT) WHERE EXISTS (SELECT 1 FROM alerts WHERE alert_id = ?)
        ON CONFLICT DO NOTHING
        """

    /// The deliveries of several alerts in one query, each alert's oldest first.
    package static func deliveries(alertIDs: [String]) -> (sql: String, arguments: [SQLValue]) {
        let placeholders = Array(repeating: "?", count: alertIDs.count).joined(separator: ", ")
        return (
            "SELECT * FROM webhook_deliveries WHERE alert_id IN (\(placeholders)) ORDER BY alert_id, time, attempt, url, event",
            alertIDs.map(SQLValue.text)
        )
    }

    /// Deliveries grouped by alert id, keeping their order.
    package static func grouped(_ deliveries: [WebhookDelivery]) -> [String: [WebhookDelivery]] {
        Dictionary(grouping: deliveries, by: \.alertID)
    }

    /// The alerts query: of one monitor or all, open or all, newest first.
    package static func alerts(monitor: String?, openOnly: Bool, limit: Int) -> (sql: String, arguments: [SQLValue]) {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let monitor {
            conditions.append("monitor = ?")
            arguments.append(.text(monitor))
        }
        if openOnly { conditions.append("status = 'open'") }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return ("SELECT * FROM alerts\(filter) ORDER BY opened_at DESC, alert_id DESC LIMIT ?", arguments + [.integer(Int64(limit))])
    }

    package static func labeledPrediction(_ row: SQLRow) -> LabeledPrediction {
        LabeledPrediction(
            requestID: row.text("request_id") ?? "", model: row.text("model") ?? "", version: row.text("version") ?? "",
            inputs: row.text("inputs") ?? "{}", outputs: row.text("outputs") ?? "{}", time: row.integer("time") ?? 0, label: row.text("label"))
    }

    package static func arguments(_ monitor: Monitor) throws -> [SQLValue] {
        [.text(monitor.name), .text(monitor.spec.deployment), .text(try json(monitor.spec)), .integer(monitor.creationTime), .optional(monitor.nextRun)]
    }

    package static func monitor(_ row: SQLRow) throws -> Monitor {
        guard let name = row.text("name"), let spec = row.text("spec"), let creation = row.integer("creation_time") else {
            throw CairnError(.internal, "A stored monitor row is incomplete")
        }
        return Monitor(name: name, spec: try decode(MonitorSpec.self, spec), creationTime: creation, nextRun: row.integer("next_run"))
    }

    /// The arguments of ``insertRun``.
    package static func arguments(_ run: MonitorRun) throws -> [SQLValue] {
        [.text(run.id), .text(run.monitor), .integer(run.time), .text(run.status.rawValue), .text(try json(run)), .text(run.monitor)]
    }

    package static func run(_ row: SQLRow) throws -> MonitorRun {
        try decode(MonitorRun.self, row.text("result") ?? "")
    }

    /// The arguments of ``insertAlert``.
    package static func arguments(_ alert: Alert) -> [SQLValue] {
        [
            .text(alert.id), .text(alert.monitor), .text(alert.deployment), .text(alert.status.rawValue), .integer(alert.openedAt),
            .text(alert.openedBy), .optional(alert.resolvedAt), .optional(alert.resolvedBy), .text(alert.summary), .text(alert.monitor),
        ]
    }

    package static func alert(_ row: SQLRow) throws -> Alert {
        guard let id = row.text("alert_id"), let monitor = row.text("monitor"), let status = row.text("status").flatMap({ Alert.Status(rawValue: $0) }),
            let openedAt = row.integer("opened_at"), let openedBy = row.text("opened_by")
        else { throw CairnError(.internal, "A stored alert row is incomplete") }
        return Alert(
            id: id, monitor: monitor, deployment: row.text("deployment") ?? "", status: status, openedAt: openedAt, openedBy: openedBy,
            resolvedAt: row.integer("resolved_at"), resolvedBy: row.text("resolved_by"), summary: row.text("summary") ?? "")
    }

    /// The arguments of ``insertDelivery``.
    package static func arguments(_ delivery: WebhookDelivery) -> [SQLValue] {
        [
            .text(delivery.alertID), .text(delivery.url), .text(delivery.event), .integer(Int64(delivery.attempt)), .integer(delivery.time),
            .optional(delivery.statusCode.map(Int64.init)), .optional(delivery.error), .text(delivery.alertID),
        ]
    }

    package static func delivery(_ row: SQLRow) -> WebhookDelivery {
        WebhookDelivery(
            alertID: row.text("alert_id") ?? "", url: row.text("url") ?? "", event: row.text("event") ?? "",
            attempt: Int(row.integer("attempt") ?? 0), time: row.integer("time") ?? 0, statusCode: row.integer("status_code").map(Int.init),
            error: row.text("error"))
    }

    private static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw CairnError(.internal, "A stored \(type) cannot be read: \(error)")
        }
    }
}

extension SQLValue {
    /// An integer, or NULL.
    package static func optional(_ integer: Int64?) -> SQLValue { integer.map(SQLValue.integer) ?? .null }
}
