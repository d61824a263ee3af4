import CairnServing
import Hummingbird
import Logging
import Prometheus

/// Settings of `cairn serve`, built once from flags and environment at the composition root.
public struct ServeConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest accepted request body, in bytes.
    public var maxBodySize: Int

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = 16 * 1024 * 1024) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
    }
}

/// The composition root of `cairn serve`: one model served over the Open Inference Protocol and MLflow scoring.
public enum ServingApplication {
    /// Builds the application serving `endpoint`.
    /// - Parameter metrics: the registry `/metrics` renders; the caller bootstraps swift-metrics with it.
    public static func build(
        endpoint: StandaloneEndpoint, configuration: ServeConfiguration, metrics: PrometheusCollectorRegistry, logger: Logger
    ) -> some ApplicationProtocol {
        Application(
            router: makeRouter(endpoint: endpoint, configuration: configuration, metrics: metrics),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cairn"),
            logger: logger)
    }

    /// The router with every route and middleware; separate from ``build`` so tests can drive it in memory.
    public static func makeRouter(
        endpoint: StandaloneEndpoint, configuration: ServeConfiguration, metrics: PrometheusCollectorRegistry
    ) -> Router<BasicRequestContext> {
        let serving = ServingService(directory: FixedEndpointDirectory([endpoint]))
        let router = Router()
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        router.get("/metrics") { _, _ in PrometheusText.response(metrics) }
        InferenceV2Controller(serving: serving, serverVersion: CairnApplication.version, maxBodySize: configuration.maxBodySize)
            .register(on: router)
        ScoringController(serving: serving, maxBodySize: configuration.maxBodySize)
            .registerStandalone(on: router, name: endpoint.name, version: CairnApplication.version)
        return router
    }
}
