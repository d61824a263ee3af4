import CairnCore
import Foundation

/// Sends a JSON body to a URL: the port webhook delivery goes through (the server implements it over HTTP).
public protocol WebhookTransport: Sendable {
    /// POSTs `body` (`application/json`) to `url`.
    /// - Returns: the HTTP status answered.
    /// - Throws: ``WebhookRefused`` when the URL may not be reached (not retried); any other error when the endpoint
    ///   cannot be reached or does not answer in time (retried).
    func post(_ body: Data, to url: String) async throws -> Int
}

/// Delivers alert events to webhooks in the background: ``notify(_:urls:)`` only queues; ``run()`` posts each
/// delivery in a task of its own, retrying a failed one with exponential backoff (a refused one is not retried),
/// and records every attempt.
/// A down endpoint therefore delays only its own deliveries, never the checks.
public final class WebhookNotifier: AlertNotifier {
    /// Retry settings.
    public struct Configuration: Sendable {
        /// Attempts per delivery, the first included.
        public var maxAttempts: Int
        /// The wait before the second attempt; each further wait doubles.
        public var initialBackoff: Duration

        public init(maxAttempts: Int = 5, initialBackoff: Duration = .seconds(1)) {
            self.maxAttempts = maxAttempts
            self.initialBackoff = initialBackoff
        }
    }

    private struct Job: Sendable {
        var event: AlertEvent
        var url: String
    }

    let configuration: Configuration
    private let transport: any WebhookTransport
    private let store: any AlertStore
    private let observer: (any MonitoringObserver)?
    private let clock: any WallClock
    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation

    public init(
        transport: any WebhookTransport, store: any AlertStore, configuration: Configuration = Configuration(),
        observer: (any MonitoringObserver)? = nil, clock: any WallClock = SystemClock()
    ) {
        self.transport = transport
        self.store = store
        self.observer = observer
        self.configuration = configuration
        self.clock = clock
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self)
    }

    public func notify(_ event: AlertEvent, urls: [String]) {
        for url in urls { continuation.yield(Job(event: event, url: url)) }
    }

    /// Delivers queued events until cancelled; then it stops at once: attempts under way fail and no retry
    /// follows.
    public func run() async {
        await withDiscardingTaskGroup { group in
            for await job in jobs {
                group.addTask { await self.deliver(job) }
            }
        }
    }

    private func deliver(_ job: Job) async {
        let body = Self.body(job.event)
        var wait = configuration.initialBackoff
        for attempt in 1...max(1, configuration.maxAttempts) {
            var status: Int?
            var failure: String?
            var refused = false
            do {
                let answered = try await transport.post(body, to: job.url)
                status = answered
                if !(200..<300).contains(answered) { failure = "HTTP \(answered)" }
            } catch let error as WebhookRefused {
                failure = error.description
                refused = true
            } catch {
                failure = "\(error)"
            }
            let delivery = WebhookDelivery(
                alertID: job.event.alert.id, url: job.url, event: job.event.kind.rawValue, attempt: attempt, time: clock.nowMillis(),
                statusCode: status, error: failure)
            try? await store.recordDelivery(delivery)
            observer?.deliveryAttempted(delivery)
            // Refused (retrying cannot change that) or cancelled (the server is stopping): no more attempts.
            if failure == nil || refused || attempt == configuration.maxAttempts || Task.isCancelled { return }
            try? await Task.sleep(for: wait)
            wait *= 2
        }
    }

    /// The JSON a webhook receives: `{"event", "alert": {…}, "run": {"id", "status", "window_start", "window_end",
    /// "failed_checks": [{"name", "value", "threshold", "detail"}]}}`.
    static func body(_ event: AlertEvent) -> Data {
        let alert = event.alert
        var alertObject: [String: Any] = [
            "id": alert.id, "monitor": alert.monitor, "deployment": alert.deployment, "status": alert.status.rawValue,
            "opened_at": alert.openedAt, "summary": alert.summary,
        ]
        if let resolved = alert.resolvedAt { alertObject["resolved_at"] = resolved }
        let failed = event.run.checks.filter { $0.status == .failed }.map { check -> [String: Any] in
            var object: [String: Any] = ["name": check.name, "detail": check.detail]
            if let value = check.value, value.isFinite { object["value"] = value }
            if let threshold = check.threshold, threshold.isFinite { object["threshold"] = threshold }
            return object
        }
        let object: [String: Any] = [
            "event": event.kind.rawValue, "alert": alertObject,
            "run": [
                "id": event.run.id, "status": event.run.status.rawValue, "window_start": event.run.windowStart,
                "window_end": event.run.windowEnd, "failed_checks": failed,
            ] as [String: Any],
        ]
        return (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    }
}
