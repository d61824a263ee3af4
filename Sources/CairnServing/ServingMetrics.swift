import CairnCore
import Metrics

/// The serving metrics of one model version of an endpoint (a deployment or a standalone model), with the
/// endpoint and version as dimensions: requests by outcome, latency, batch sizes and queue depth.
struct ServingMetrics: Sendable {
    private let ok: Counter
    private let failed: Counter
    private let latency: Timer
    private let batchSizes: Recorder
    private let depth: Gauge

    init(endpoint: String, version: String) {
        let dimensions = [("deployment", endpoint), ("version", version)]
        ok = Counter(label: "cairn_serving_requests_total", dimensions: dimensions + [("outcome", "ok")])
        failed = Counter(label: "cairn_serving_requests_total", dimensions: dimensions + [("outcome", "error")])
        latency = Timer(label: "cairn_serving_request_duration_seconds", dimensions: dimensions)
        batchSizes = Recorder(label: "cairn_serving_batch_size", dimensions: dimensions, aggregate: true)
        depth = Gauge(label: "cairn_serving_queue_depth", dimensions: dimensions)
    }

    /// Counts one request and its latency.
    func request(succeeded: Bool, duration: Duration) {
        (succeeded ? ok : failed).increment()
        latency.recordNanoseconds(duration.nanoseconds)
    }

    /// Records the number of requests one predictor call served.
    func batch(size: Int) { batchSizes.record(size) }

    /// Records how many requests wait.
    func queueDepth(_ count: Int) { depth.record(count) }
}
