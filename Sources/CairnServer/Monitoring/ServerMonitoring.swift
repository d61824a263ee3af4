import CairnCore
import CairnMonitoring
import CairnStore
import Hummingbird
import Logging
import ServiceLifecycle

/// The monitoring parts of `cairn server`: performance over the prediction log, monitors, alerts and webhooks,
/// their API and their background services.
public struct ServerMonitoring: Sendable {
    public let monitors: MonitorService
    public let performance: PerformanceService
    public let notifier: WebhookNotifier
    /// The HTTP transport, when no other was given; closed when the webhook service stops.
    let http: WebhookHTTPTransport?

    /// Wires monitoring to the store.
    /// - Parameters:
    ///   - webhooks: retry settings of webhook deliveries.
    ///   - transport: how webhook bodies are sent; HTTP by default.
    ///   - webhookSecret: the key HTTP webhook bodies are signed with (`X-Cairn-Signature-256`), if any.
    ///   - webhookAddresses: which addresses HTTP webhook deliveries may reach; by default no internal one.
    public init(
        store: any MetadataStore, webhooks: WebhookNotifier.Configuration = .init(), transport: (any WebhookTransport)? = nil,
        webhookSecret: String? = nil, webhookAddresses: WebhookAddressPolicy = WebhookAddressPolicy(), clock: any WallClock = SystemClock()
    ) {
        http = transport == nil ? WebhookHTTPTransport(timeout: .seconds(10), addresses: webhookAddresses, secret: webhookSecret) : nil
        let metrics = MonitoringMetrics()
        notifier = WebhookNotifier(transport: transport ?? http!, store: store, configuration: webhooks, observer: metrics, clock: clock)
        monitors = MonitorService(store: store, alerts: store, log: store, notifier: notifier, observer: metrics, clock: clock)
        performance = monitors.performance
    }

    /// The scheduler, checking for due monitors every `interval`, and the webhook deliveries.
    public func services(interval: Duration, logger: Logger) -> [any Service] {
        [WebhookService(notifier: notifier, transport: http), MonitorSchedulerService(monitors: monitors, interval: interval, logger: logger)]
    }

    /// Adds the performance, monitors and alerts routes.
    func register<Context: RequestContext>(on router: Router<Context>, maxBodySize: Int) {
        PerformanceController(performance: performance, maxBodySize: maxBodySize).register(on: router)
        MonitorsController(monitors: monitors, maxBodySize: maxBodySize).register(on: router)
        AlertsController(monitors: monitors).register(on: router)
    }
}
