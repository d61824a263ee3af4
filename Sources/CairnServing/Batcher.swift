import CairnCore
import CairnML
import Dispatch
import Synchronization

/// Dynamic batching for one model version: requests that arrive together are predicted in one call.
///
/// No background task: the first request to find the batcher idle becomes the leader. It waits up to the queue
/// delay for others (woken at once when the batch fills), predicts its own rows with up to `maxBatchSize - 1` queued
/// requests in one call, answers them, and hands leadership to the oldest request still queued. A full queue
/// answers `unavailable` at once (503 with Retry-After); a request whose deadline passed while queued is dropped
/// from its batch, and a caller whose deadline passes gets `timedOut` (504) whatever its request is waiting for.
final class Batcher: Sendable {
    private enum Turn: Sendable {
        case answered(Table)
        case lead
    }

    private struct Waiting: Sendable {
        var rows: Table
        var deadline: ContinuousClock.Instant
        var continuation: CheckedContinuation<Turn, any Error>
    }

    private struct State: Sendable {
        var leading = false
        var queue: [Waiting] = []
        /// The leader waiting for its batch to fill, and which wait it is (so a late timer wakes no later leader).
        var filling: (wait: Int, continuation: CheckedContinuation<Void, Never>)?
        var waits = 0
    }

    let model: ServedModel
    let settings: Deployment.Batching
    let metrics: ServingMetrics
    private let state = Mutex(State())
    /// The cost per row of the last unbatched prediction, in nanoseconds; -1 before the first.
    private let nanosecondsPerRow = Atomic<Int>(-1)

    init(model: ServedModel, settings: Deployment.Batching, metrics: ServingMetrics) {
        self.model = model
        self.settings = settings
        self.metrics = metrics
    }

    /// The number of requests waiting.
    var queueDepth: Int { state.withLock { $0.queue.count } }

    /// Predicts `rows` — batched with concurrent requests when batching is on — and answers by `deadline`.
    /// - Throws: `unavailable` when the queue is full; `timedOut` when the deadline passes (queued or predicting);
    ///   the predictor's error (for every request of the batch).
    func predict(_ rows: Table, deadline: ContinuousClock.Instant) async throws -> Table {
        if settings.maxBatchSize > 1 {
            return try await Deadline.run(until: deadline) { try await self.enqueue(rows, deadline: deadline) }
        }
        if expectedCost(rows.rowCount) < Self.inlineBudget {
            let predictions = try timedPredict(rows)
            guard ContinuousClock.now <= deadline else {
                throw CairnError(.timedOut, "The prediction did not finish within the request's timeout")
            }
            return predictions
        }
        return try await Deadline.compute(until: deadline) { try self.timedPredict(rows) }
    }

    /// Predictions expected to take less than this run on the caller's thread: no timer could fire sooner, and the
    /// hop to a predictor thread and back would cost more than the prediction (and lengthen the latency tail).
    static let inlineBudget = Duration.microseconds(200)

    /// The time `rows` rows are expected to take, from the cost per row of the last unbatched call (unknown, so
    /// never inline, before the first).
    private func expectedCost(_ rows: Int) -> Duration {
        let perRow = nanosecondsPerRow.load(ordering: .relaxed)
        return perRow < 0 ? .seconds(1) : .nanoseconds(perRow * max(rows, 1))
    }

    /// Predicts and records the cost per row.
    private func timedPredict(_ rows: Table) throws -> Table {
        let start = ContinuousClock.now
        let predictions = try model.predictor.predict(rows)
        let elapsed = ContinuousClock.now - start
        nanosecondsPerRow.store(Int(elapsed.nanoseconds) / max(rows.rowCount, 1), ordering: .relaxed)
        return predictions
    }

    /// Waits for a turn: answered as part of another request's batch, or leading a batch.
    private func enqueue(_ rows: Table, deadline: ContinuousClock.Instant) async throws -> Table {
        let turn = try await withCheckedThrowingContinuation { continuation in
            let filled = state.withLock { state -> CheckedContinuation<Void, Never>? in
                if !state.leading {
                    state.leading = true
                    continuation.resume(returning: Turn.lead)
                } else if state.queue.count >= settings.maxQueueSize {
                    continuation.resume(throwing: CairnError(.unavailable, "The queue of \(model.name) version \(model.version) is full; retry later"))
                } else {
                    state.queue.append(Waiting(rows: rows, deadline: deadline, continuation: continuation))
                    if state.queue.count >= settings.maxBatchSize - 1 { return Self.takeFilling(&state, wait: nil) }
                }
                return nil
            }
            filled?.resume()
            metrics.queueDepth(queueDepth)
        }
        switch turn {
        case .answered(let predictions): return predictions
        case .lead: return try await lead(rows)
        }
    }

    /// Forms and predicts one batch around the leader's rows, then passes leadership on.
    private func lead(_ rows: Table) async throws -> Table {
        if settings.maxQueueDelayMicros > 0 { await waitForBatch() }
        let now = ContinuousClock.now
        let (batch, expired) = state.withLock { state -> ([Waiting], [Waiting]) in
            let taken = Array(state.queue.prefix(settings.maxBatchSize - 1))
            state.queue.removeFirst(taken.count)
            return (taken.filter { $0.deadline >= now }, taken.filter { $0.deadline < now })
        }
        for waiting in expired {
            waiting.continuation.resume(throwing: CairnError(.timedOut, "The request waited past its timeout in the queue"))
        }
        defer { handOver() }
        metrics.batch(size: 1 + batch.count)
        do {
            let tables = [rows] + batch.map(\.rows)
            let batchRows = try Table(concatenating: tables)
            let predictions = try await PredictorThreads.run { try self.model.predictor.predict(batchRows) }
            var offset = rows.rowCount
            for waiting in batch {
                waiting.continuation.resume(returning: .answered(predictions.selecting(rows: Array(offset..<offset + waiting.rows.rowCount))))
                offset += waiting.rows.rowCount
            }
            return batch.isEmpty ? predictions : predictions.selecting(rows: Array(0..<rows.rowCount))
        } catch {
            for waiting in batch { waiting.continuation.resume(throwing: error) }
            throw error
        }
    }

    /// Returns when `maxBatchSize - 1` requests are queued (told by ``enqueue(_:deadline:)``) or the queue delay has
    /// passed (told by a timer), whichever comes first.
    private func waitForBatch() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let wait = state.withLock { state -> Int? in
                guard state.queue.count < settings.maxBatchSize - 1 else { return nil }
                state.waits += 1
                state.filling = (state.waits, continuation)
                return state.waits
            }
            guard let wait else { return continuation.resume() }
            PredictorThreads.timers.asyncAfter(deadline: .now() + .microseconds(Int(settings.maxQueueDelayMicros))) {
                self.state.withLock { Self.takeFilling(&$0, wait: wait) }?.resume()
            }
        }
    }

    /// Takes the waiting leader's continuation (if `wait` is given, only when it is still that wait).
    private static func takeFilling(_ state: inout State, wait: Int?) -> CheckedContinuation<Void, Never>? {
        guard let filling = state.filling, wait == nil || wait == filling.wait else { return nil }
        state.filling = nil
        return filling.continuation
    }

    /// Makes the oldest queued request the next leader, or leaves the batcher idle.
    private func handOver() {
        let next = state.withLock { state -> Waiting? in
            guard !state.queue.isEmpty else {
                state.leading = false
                return nil
            }
            return state.queue.removeFirst()
        }
        next?.continuation.resume(returning: .lead)
        metrics.queueDepth(queueDepth)
    }
}

extension Batcher {
    /// Answers a request on this batcher's model version: reads its input against the model's signature, predicts
    /// by the earlier of `timeout` after `start` and the request's own timeout, counts the request in the metrics,
    /// and logs the prediction (with probability `samplingRate`) when there is a log.
    /// - Throws: `invalidArgument` for input that does not match the model; whatever ``predict(_:deadline:)`` throws.
    func answer(
        _ request: InferenceRequest, endpoint: String, start: ContinuousClock.Instant, timeout: Duration, log: PredictionLog?,
        samplingRate: Double
    ) async throws -> InferenceResult {
        do {
            let rows = try request.input.table(for: model.signature)
            let predictions = try await predict(rows, deadline: start + min(timeout, request.timeout ?? timeout))
            let latency = ContinuousClock.now - start
            metrics.request(succeeded: true, duration: latency)
            log?.record(
                requestID: request.id, deployment: endpoint, model: model, inputs: rows, outputs: predictions, latency: latency,
                samplingRate: samplingRate)
            return InferenceResult(model: model, predictions: predictions)
        } catch {
            metrics.request(succeeded: false, duration: ContinuousClock.now - start)
            throw error
        }
    }
}
