import CairnCore
import Logging
import PostgresNIO
import Synchronization

/// How driver errors become ``CairnError``s: no SQL text or driver type leaks past the adapter.
enum PostgresErrors {
    /// SQLSTATEs of a transaction that may succeed when run again: serialization failure, deadlock.
    static func isRetryable(_ error: PSQLError) -> Bool {
        ["40001", "40P01"].contains(error.serverInfo?[.sqlState] ?? "")
    }

    /// The SQLSTATE of an insert or update that refers to a missing row.
    static let foreignKeyViolation = "23503"

    /// What made a transaction fail: the body's error (a ``CairnError`` of the adapter, or a statement's), else
    /// the failed `COMMIT` or `BEGIN`.
    static func cause(of error: PostgresTransactionError) -> any Error {
        error.closureError ?? error.commitError ?? error.beginError ?? error
    }

    /// A record that refers to a row deleted meanwhile (a foreign key violation, which a statement's own existence
    /// check cannot rule out while another transaction deletes the row) is not found; another constraint violation
    /// is a conflict; anything that is not a statement error (refused or lost connections, a closed pool, a server
    /// shutting down) means the database is unavailable for now.
    static func translate(_ error: any Error, logger: Logger) -> CairnError {
        guard let error = error as? PSQLError, error.code == .server, let state = error.serverInfo?[.sqlState] else {
            logger.warning("PostgreSQL unreachable", metadata: ["cairn.error": "\(String(reflecting: error))"])
            return CairnError(.unavailable, "The database is unavailable; try again")
        }
        if state == foreignKeyViolation { return CairnError(.notFound, "A record it refers to no longer exists") }
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

    /// Runs `body`, failing with `unavailable` when it has not finished after `timeout`.
    ///
    /// While PostgreSQL is down the pool keeps connection requests waiting, and a statement on a dying connection
    /// may not notice cancellation; the caller is answered at the deadline instead of waiting for either. The body
    /// therefore runs in a task of its own (cancelled at the deadline), not a child task: a task group would wait
    /// for it. A write answered `unavailable` this way may still commit, as with any timeout.
    static func withDeadline<T: Sendable>(_ timeout: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let outcome = FirstOutcome(continuation)
            let work = Task {
                do { outcome.resume(with: .success(try await body())) } catch { outcome.resume(with: .failure(error)) }
            }
            outcome.timer = Task {
                try await Task.sleep(for: timeout)
                work.cancel()
                outcome.resume(with: .failure(CairnError(.unavailable, "The database did not answer in time; try again")))
            }
        }
    }
}

/// Resumes a continuation with whichever outcome comes first (the work's or the deadline's); later ones are
/// dropped, and the deadline's timer is cancelled once the work has answered.
private final class FirstOutcome<T: Sendable>: Sendable {
    private let state: Mutex<(continuation: CheckedContinuation<T, any Error>?, timer: Task<Void, any Error>?)>

    init(_ continuation: CheckedContinuation<T, any Error>) {
        state = Mutex((continuation, nil))
    }

    /// The deadline's timer; cancelled at once if the work has already answered.
    var timer: Task<Void, any Error>? {
        get { state.withLock { $0.timer } }
        set {
            let answered = state.withLock { state in
                state.timer = newValue
                return state.continuation == nil
            }
            if answered { newValue?.cancel() }
        }
    }

    func resume(with result: Result<T, any Error>) {
        let (continuation, timer) = state.withLock { state in
            defer { state.continuation = nil }
            return (state.continuation, state.timer)
        }
        guard let continuation else { return }
        timer?.cancel()
        continuation.resume(with: result)
    }
}
