import CairnCore
import Dispatch
import Synchronization

/// Answers within a deadline: returns the result of some work, or throws `timedOut` once the deadline passes,
/// whichever comes first. Work that overruns is not stopped (a predictor call cannot be interrupted); its result is
/// discarded.
enum Deadline {
    /// The result of async `work` (run in its own task), or `timedOut` at `deadline`.
    static func run<Value: Sendable>(
        until deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () async throws -> Value
    ) async throws -> Value {
        try await race(until: deadline) { finish in
            Task { finish(await Result(catching: work)) }
        }
    }

    /// The result of CPU-bound `work`, computed on a predictor thread (see ``PredictorThreads``), or `timedOut` at
    /// `deadline`.
    static func compute<Value: Sendable>(
        until deadline: ContinuousClock.Instant, _ work: @escaping @Sendable () throws -> Value
    ) async throws -> Value {
        try await race(until: deadline) { finish in
            PredictorThreads.queue.async { finish(Result(catching: work)) }
        }
    }

    /// Starts work that calls `finish` once, and a Dispatch timer at `deadline`; the first to come answers.
    private static func race<Value: Sendable>(
        until deadline: ContinuousClock.Instant, start: (@escaping @Sendable (Result<Value, any Error>) -> Void) -> Void
    ) async throws -> Value {
        let waiting = Mutex<CheckedContinuation<Value, any Error>?>(nil)
        let take: @Sendable () -> CheckedContinuation<Value, any Error>? = { waiting.withLock { continuation in
            defer { continuation = nil }
            return continuation
        } }
        return try await withCheckedThrowingContinuation { continuation in
            waiting.withLock { $0 = continuation }
            // DispatchWorkItem is thread-safe (cancel may be called from any thread) but not marked Sendable.
            nonisolated(unsafe) let timer = DispatchWorkItem {
                take()?.resume(throwing: CairnError(.timedOut, "The prediction did not finish within the request's timeout"))
            }
            let remaining = ContinuousClock.now.duration(to: deadline)
            PredictorThreads.timers.asyncAfter(deadline: .now() + .nanoseconds(Int(max(0, remaining.nanoseconds))), execute: timer)
            start { result in
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
