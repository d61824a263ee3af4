import Dispatch

/// Runs predictor calls on Dispatch's threads instead of Swift concurrency's cooperative pool: a prediction is
/// CPU-bound and cannot yield, and on a small machine a few of them would otherwise hold every cooperative thread,
/// so timeouts could not fire and the server could not read new requests until they finished.
enum PredictorThreads {
    /// Where predictor calls run.
    static let queue = DispatchQueue(label: "cairn.predict", qos: .userInitiated, attributes: .concurrent)
    /// Where request timeouts fire.
    static let timers = DispatchQueue(label: "cairn.predict.timers", qos: .userInitiated)

    /// The result of `work`, computed on a predictor thread.
    static func run<Value: Sendable>(_ work: @escaping @Sendable () throws -> Value) async throws -> Value {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result(catching: work)) }
        }
    }
}
