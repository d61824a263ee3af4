import CairnCore
import Synchronization

/// Answers within a deadline: runs work in its own task and returns its result, or throws `timedOut` once the
/// deadline passes, whichever comes first. Work that overruns is not stopped (a predictor call cannot be
/// interrupted); its result is discarded.
enum Deadline {
    /// The result of `work`, or `timedOut` at `deadline`.
    static func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        let waiting = Mutex<CheckedContinuation<Value, any Error>?>(nil)
        let take: @Sendable () -> CheckedContinuation<Value, any Error>? = { waiting.withLock { continuation in
            defer { continuation = nil }
            return continuation
        } }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.withLock { $0 = continuation }
            let timer = Task {
                try await Task.sleep(until: deadline, clock: .continuous)
                take()?.resume(throwing: CairnError(.timedOut, "The prediction did not finish within the request's timeout"))
            }
            Task {
                let result = await Result(catching: work)
                timer.cancel()
                take()?.resume(with: result)
            }
        }
    }
}

extension Result where Failure == any Error {
    /// The outcome of an async throwing body.
    init(catching body: () async throws -> Success) async {
        do { self = .success(try await body()) } catch { self = .failure(error) }
    }
}
