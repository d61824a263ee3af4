import CairnCore
import CairnServing
import CairnStore

extension PostgresStore: DeploymentStore {
    public func createDeployment(_ deployment: Deployment) async throws {
        let record = try DeploymentRecord(deployment)
        try await write { session in
            let inserted = try await session.rows(
                """
                INSERT INTO deployments (name, spec, previous_spec, revision, creation_time, last_update_time)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING 1
                """,
                [
                    .text(record.name), .text(record.spec), .optional(record.previousSpec), .integer(Int64(record.revision)),
                    .integer(record.creationTime), .integer(record.lastUpdateTime),
                ])
            if inserted.isEmpty { throw CairnError.alreadyExists("Deployment '\(record.name)' already exists") }
        }
    }

    public func deployment(named name: String) async throws -> Deployment? {
        try await read { session in
            try await session.rows("SELECT * FROM deployments WHERE name = ?", [.text(name)]).first
        }.map { try DeploymentRecord(row: $0).deployment() }
    }

    public func deployments() async throws -> [Deployment] {
        try await read { session in try await session.rows("SELECT * FROM deployments ORDER BY name") }
            .map { try DeploymentRecord(row: $0).deployment() }
    }

    public func replaceDeployment(_ deployment: Deployment, expectedRevision: Int) async throws {
        let record = try DeploymentRecord(deployment)
        try await write { session in
            let updated = try await session.rows(
                """
                UPDATE deployments SET spec = ?, previous_spec = ?, revision = ?, last_update_time = ?
                WHERE name = ? AND revision = ? RETURNING 1
                """,
                [
                    .text(record.spec), .optional(record.previousSpec), .integer(Int64(record.revision)),
                    .integer(record.lastUpdateTime), .text(record.name), .integer(Int64(expectedRevision)),
                ])
            guard updated.isEmpty else { return }
            guard let stored = try await session.integer("SELECT revision FROM deployments WHERE name = ?", [.text(record.name)]) else {
                throw CairnError.notFound("Deployment '\(record.name)' does not exist")
            }
            throw CairnError(.conflict, "Deployment '\(record.name)' was changed concurrently (revision \(stored)); retry")
        }
    }

    public func deleteDeployment(named name: String) async throws -> Bool {
        try await write { session in try await session.deleted("DELETE FROM deployments WHERE name = ?", [.text(name)]) }
    }
}

extension PostgresStore: PredictionSink {
    public func appendPredictions(_ records: [PredictionRecord]) async throws {
        try await write { session in
            try await session.executeRows(
                """
                INSERT INTO prediction_log (request_id, deployment, model, version, inputs, outputs, latency_micros, time)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (request_id) DO NOTHING
                """,
                records.map { record in
                    [
                        .text(record.requestID), .text(record.deployment), .text(record.model), .text(record.version),
                        .text(record.inputs), .text(record.outputs), .integer(record.latencyMicros), .integer(record.time),
                    ]
                })
        }
    }

    public func predictions(deployment: String, limit: Int) async throws -> [PredictionRecord] {
        try await read { session in
            try await session.rows(
                "SELECT * FROM prediction_log WHERE deployment = ? ORDER BY time DESC, request_id DESC LIMIT ?",
                [.text(deployment), .integer(Int64(limit))])
        }.map { row in
            PredictionRecord(
                requestID: row.text("request_id") ?? "", deployment: row.text("deployment") ?? "", model: row.text("model") ?? "",
                version: row.text("version") ?? "", inputs: row.text("inputs") ?? "{}", outputs: row.text("outputs") ?? "{}",
                latencyMicros: row.integer("latency_micros") ?? 0, time: row.integer("time") ?? 0)
        }
    }

    public func recordLabel(deployment: String, requestID: String, label: String, time: Int64) async throws -> Bool {
        try await write { session in
            let logged = try await session.integer(
                "SELECT COUNT(*) FROM prediction_log WHERE request_id = ? AND deployment = ?", [.text(requestID), .text(deployment)])
            guard logged ?? 0 > 0 else { return false }
            try await session.execute(
                """
                INSERT INTO prediction_labels (request_id, label, time) VALUES (?, ?, ?)
                ON CONFLICT (request_id) DO UPDATE SET label = excluded.label, time = excluded.time
                """,
                [.text(requestID), .text(label), .integer(time)])
            return true
        }
    }

    public func label(requestID: String) async throws -> String? {
        try await read { session in
            try await session.rows("SELECT label FROM prediction_labels WHERE request_id = ?", [.text(requestID)]).first?.text("label")
        }
    }
}
