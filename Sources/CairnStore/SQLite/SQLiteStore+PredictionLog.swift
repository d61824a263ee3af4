import CairnCore
import CairnServing
import GRDB

extension SQLiteStore: PredictionSink {
    public func appendPredictions(_ records: [PredictionRecord]) async throws {
        try await write { db in
            let statement = try db.cachedStatement(
                sql: """
                    INSERT OR IGNORE INTO prediction_log
                        (request_id, deployment, model, version, inputs, outputs, latency_micros, time)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """)
            for record in records {
                try statement.execute(arguments: [
                    record.requestID, record.deployment, record.model, record.version, record.inputs, record.outputs,
                    record.latencyMicros, record.time,
                ])
            }
        }
    }

    public func predictions(deployment: String, limit: Int) async throws -> [PredictionRecord] {
        try await read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM prediction_log WHERE deployment = ? ORDER BY time DESC, rowid DESC LIMIT ?",
                arguments: [deployment, limit]
            ).map { row in
                PredictionRecord(
                    requestID: row["request_id"], deployment: row["deployment"], model: row["model"], version: row["version"],
                    inputs: row["inputs"], outputs: row["outputs"], latencyMicros: row["latency_micros"], time: row["time"])
            }
        }
    }

    public func recordLabel(deployment: String, requestID: String, label: String, time: Int64) async throws -> Bool {
        try await write { db in
            let logged = try Bool.fetchOne(
                db, sql: "SELECT EXISTS (SELECT 1 FROM prediction_log WHERE request_id = ? AND deployment = ?)",
                arguments: [requestID, deployment]) ?? false
            guard logged else { return false }
            try db.execute(
                sql: "INSERT OR REPLACE INTO prediction_labels (request_id, label, time) VALUES (?, ?, ?)",
                arguments: [requestID, label, time])
            return true
        }
    }

    public func label(requestID: String) async throws -> String? {
        try await read { db in
            try String.fetchOne(db, sql: "SELECT label FROM prediction_labels WHERE request_id = ?", arguments: [requestID])
        }
    }
}
