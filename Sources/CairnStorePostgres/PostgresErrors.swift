import CairnCore
import Logging
import PostgresNIO

/// How driver errors become ``CairnError``s: no SQL text or driver type leaks past the adapter.
enum PostgresErrors {
    /// SQLSTATEs of a transaction that may succeed when run again: serialization failure, deadlock.
    static func isRetryable(_ error: PSQLError) -> Bool {
        ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// What made a transaction fail: the body's error (a ``CairnError`` of the adapter, or a statement's), else
    /// the failed `COMMIT` or `BEGIN`.
    static func cause(of error: PostgresTransactionError) -> any Error {
        error.closureError ?? error.commitError ?? error.beginError ?? error
    }

    /// A constraint violation is a conflict; anything that is not a statement error (refused or lost connections,
    /// a closed pool, a server shutting down) means the database is unavailable for now.
    static func translate(_ error: any Error, logger: Logger) -> CairnError {
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else {
            logger.warning("PostgreSQL unreachable", metadata: ["cairn.error": "\(String(reflecting: error))"])
            return CairnError(.unavailable, "The database is unavailable; try again")
        }
        switch state.prefix(2) {
        case "23": return CairnError(.conflict, "A conflicting record exists")
        case "08", "53", "57": return CairnError(.unavailable, "The database is unavailable; try again")
        default:
            logger.error(
                "PostgreSQL statement failed",
                metadata: ["cairn.sqlstate": "\(state)", "cairn.error": "\(error.serverInfo?[.message] ?? "")"])
            return CairnError(.internal, "Database error \(state)")
        }
    }

    /// Runs `body`, failing with `unavailable` when it has not finished after `timeout` (the pool waits for a
    /// connection while PostgreSQL is down; the caller should not).
    static func withDeadline<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withThrowingTaskGroup(of: T?.self) { group in
            group.addTask { try await body() }
            group.addTask {
                try await Task.sleep(for: timeout)
                return nil
            }
            defer { group.cancelAll() }
            guard let first = try await group.next(), let value = first else {
                throw CairnError(.unavailable, "The database did not answer in time; try again")
            }
            return value
        }
    }
}
