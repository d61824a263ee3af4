import CairnServing
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// Settings of `cairn serve`, built once from flags and environment at the composition root.
public struct ServeConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Largest accepted request body, in bytes.
    public var maxBodySize: Int
    /// The certificate and key to answer HTTPS with; `nil` serves plain HTTP.
    public var tls: ServerTLS?

    public init(host: String = "127.0.0.1", port: Int = 8080, maxBodySize: Int = 16 * 1024 * 1024, tls: ServerTLS? = nil) {
        self.host = host
        self.port = port
        self.maxBodySize = maxBodySize
        self.tls = tls
    }
}

/// The prediction log of `cairn serve` and the store it writes to; predictions are logged under the served name,
/// and labels for them are posted to `/api/cairn/deployments/{name}/labels` of `cairn serve` or of any
/// `cairn server` on the same store.
public struct StandalonePredictionLog: Sendable {
    public let log: PredictionLog
    let store: MetadataStores.Opened

    /// Opens the store at `location` (a SQLite file or a `postgres://` URL); PostgreSQL connects, and the schema is
    /// migrated, when the application starts.
    /// - Throws: as ``MetadataStores/open(_:logger:)``.
    public static func open(_ location: String, logger: Logger) throws -> StandalonePredictionLog {
        let store = try MetadataStores.open(location, logger: logger)
        return StandalonePredictionLog(log: PredictionLog(sink: store.store), store: store)
    }

    /// The services that keep the log: the store's connection pool, if any, then the periodic flush.
    func services(logger: Logger) -> [any Service] {
        (store.pool.map { [$0] } ?? []) + [PredictionLogFlushService(log: log, logger: logger)]
    }
}

/// The composition root of `cairn serve`: one model served over the Open Inference Protocol and MLflow scoring.
public enum ServingApplication {
    /// Builds the application serving `endpoint`.
    /// - Parameters:
    ///   - metrics: the registry `/metrics` renders; the caller bootstraps swift-metrics with it.
    ///   - predictionLog: the log the endpoint writes to, if it logs; it is flushed on graceful shutdown.
    ///   - services: more services to run beside the HTTP server, such as the gRPC inference server.
    /// - Throws: NIOSSL's error when TLS cannot be set up (the files were checked when ``ServerTLS`` was made).
    public static func build(
        endpoint: StandaloneEndpoint, configuration: ServeConfiguration, metrics: PrometheusCollectorRegistry, logger: Logger,
        predictionLog: StandalonePredictionLog? = nil, services: [any Service] = []
    ) throws -> some ApplicationProtocol {
        var app = Application(
            router: makeRouter(endpoint: endpoint, configuration: configuration, metrics: metrics, predictionLog: predictionLog),
            server: try ServerTLS.httpServer(configuration.tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cairn"),
            services: (predictionLog?.services(logger: logger) ?? []) + services,
            logger: logger)
        if let predictionLog { app.beforeServerStarts { try await predictionLog.store.migrate() } }
        return app
    }

    /// The router with every route and middleware; separate from ``build`` so tests can drive it in memory.
    public static func makeRouter(
        endpoint: StandaloneEndpoint, configuration: ServeConfiguration, metrics: PrometheusCollectorRegistry,
        predictionLog: StandalonePredictionLog? = nil
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
        if let predictionLog {
            PredictionLogController(predictions: PredictionLogService(sink: predictionLog.store.store), maxBodySize: configuration.maxBodySize)
                .register(on: router)
        }
        return router
    }
}
