import CairnStore

/// Applies ``Schema``'s numbered migrations to PostgreSQL, recording each in `cairn_migrations`.
///
/// The whole run is one transaction (PostgreSQL's DDL is transactional) holding an advisory lock, so replicas
/// starting together apply each migration exactly once and the others wait, then find nothing to do.
enum PostgresMigrator {
    /// - Parameter schema: created first when given (the connection's search path already names it).
    static func migrate(_ session: PostgresSession, schema: String?) async throws {
        // One lock per schema: replicas of one store wait for each other, stores in other schemas do not.
        try await session.execute("SELECT pg_advisory_xact_lock(hashtext(?))", [.text("cairn.migrations." + (schema ?? ""))])
        if let schema { try await session.execute("CREATE SCHEMA IF NOT EXISTS \(schema)") }
        try await session.execute("CREATE TABLE IF NOT EXISTS cairn_migrations (id TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())")
        let applied = Set(try await session.rows("SELECT id FROM cairn_migrations").compactMap { $0.text("id") })
        for migration in Schema.migrations where !applied.contains(migration.id) {
            for statement in migration.statements(for: .postgres) { try await session.execute(statement) }
            try await session.execute("INSERT INTO cairn_migrations (id) VALUES (?)", [.text(migration.id)])
        }
    }
}
