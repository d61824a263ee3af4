import CairnCore
import CairnML
import Foundation
import Synchronization

/// Writes predictions to a ``PredictionSink`` asynchronously and in batches: a prediction is only appended to a
/// bounded in-memory buffer (never waiting for the store, and not yet encoded), and ``flush()`` — called every
/// `flushInterval` by the server and once more on graceful shutdown — encodes the buffer and writes it in one
/// transaction per `batchSize` records.
///
/// Loss bound: a crash (kill -9, power loss) loses at most what was buffered since the last flush, that is the
/// predictions of the last `flushInterval` (200 ms by default) and never more than `capacity` records. When the
/// buffer is full (the store is slower than the traffic), new records are dropped and counted rather than slowing
/// callers.
public final class PredictionLog: Sendable {
    /// Settings of the log.
    public struct Configuration: Sendable {
        public var flushInterval: Duration
        public var batchSize: Int
        public var capacity: Int

        public init(flushInterval: Duration = .milliseconds(200), batchSize: Int = 500, capacity: Int = 10_000) {
            self.flushInterval = flushInterval
            self.batchSize = batchSize
            self.capacity = capacity
        }
    }

    public let configuration: Configuration
    let sink: any PredictionSink
    private let clock: any WallClock
    private let buffer = Mutex<[Pending]>([])
    private let droppedCount = Mutex(0)
    private let flushing = Mutex(false)
    private let stopped = Mutex(false)

    public init(sink: any PredictionSink, configuration: Configuration = Configuration(), clock: any WallClock = SystemClock()) {
        self.sink = sink
        self.configuration = configuration
        self.clock = clock
    }

    /// How many records were dropped because the buffer was full.
    public var dropped: Int { droppedCount.withLock { $0 } }

    /// Buffers one prediction, with probability `samplingRate`.
    func record(
        requestID: String, deployment: String, model: ServedModel, inputs: Table, outputs: Table, latency: Duration, samplingRate: Double
    ) {
        guard samplingRate >= 1 || Double.random(in: 0..<1) < samplingRate else { return }
        let record = Pending(
            requestID: requestID, deployment: deployment, model: model.name, version: model.version, inputs: inputs,
            outputs: outputs, latencyMicros: latency.microseconds, time: clock.nowMillis())
        let accepted = buffer.withLock { buffer in
            guard buffer.count < configuration.capacity else { return false }
            buffer.append(record)
            return true
        }
        if !accepted { droppedCount.withLock { $0 += 1 } }
    }

    /// Writes everything buffered. Records of a failed write go back to the buffer (as far as it has room) for the
    /// next flush.
    /// - Throws: the sink's error.
    public func flush() async throws {
        guard flushing.withLock({ busy in defer { busy = true }; return !busy }) else { return }
        defer { flushing.withLock { $0 = false } }
        let pending = buffer.withLock { buffer in defer { buffer.removeAll() }; return buffer }
        var start = 0
        do {
            while start < pending.count {
                let end = min(start + configuration.batchSize, pending.count)
                try await sink.appendPredictions(pending[start..<end].map(\.record))
                start = end
            }
        } catch {
            buffer.withLock { buffer in
                let unwritten = pending[start...].prefix(max(0, configuration.capacity - buffer.count))
                buffer.insert(contentsOf: unwritten, at: 0)
            }
            throw error
        }
    }

    /// Flushes every `flushInterval` until ``stop()`` (or cancellation), then flushes once more.
    public func run(onError: (any Error) -> Void) async {
        while !stopped.withLock({ $0 }), !Task.isCancelled {
            try? await Task.sleep(for: configuration.flushInterval)
            do { try await flush() } catch { onError(error) }
        }
        do { try await flush() } catch { onError(error) }
    }

    /// Makes ``run(onError:)`` do its last flush and return.
    public func stop() { stopped.withLock { $0 = true } }

    /// A buffered prediction, encoded when it is written.
    private struct Pending: Sendable {
        let requestID: String
        let deployment: String
        let model: String
        let version: String
        let inputs: Table
        let outputs: Table
        let latencyMicros: Int64
        let time: Int64

        var record: PredictionRecord {
            PredictionRecord(
                requestID: requestID, deployment: deployment, model: model, version: version, inputs: PredictionLog.json(inputs),
                outputs: PredictionLog.json(outputs), latencyMicros: latencyMicros, time: time)
        }
    }

    /// A table's columns as a JSON object of arrays (missing values as `null`).
    static func json(_ table: Table) -> String {
        var object: [String: Any] = [:]
        for column in table.columns {
            object[column.name] = column.isCategorical
                ? column.strings().map { $0.map { $0 as Any } ?? NSNull() }
                : column.doubles().map { $0.isFinite ? $0 as Any : NSNull() }
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
