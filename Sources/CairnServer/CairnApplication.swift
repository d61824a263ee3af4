import CairnAPI
import CairnArtifacts
import CairnCore
import CairnRegistry
import CairnServing
import CairnStore
import CairnTracking
import Hummingbird
import Logging
import Prometheus
import ServiceLifecycle

/// The composition root of the server: opens the store, builds the services, wires the routes.
public enum CairnApplication {
    /// The version string `GET /version` reports.
    public static let version = "0.1.0"

    /// Builds the application for a configuration.
    ///
    /// A PostgreSQL store's pool runs first in the application's service group; migrations and the `Default`
    /// experiment are applied before the server accepts connections, and a failure there stops the server.
    /// - Parameters:
    ///   - metrics: the registry `/metrics` renders; the caller bootstraps swift-metrics with it.
    ///   - servingServices: further services that answer for the hosted deployments (such as the inference
    ///     protocol over gRPC), given the same serving the HTTP routes use; they stop before the prediction log's
    ///     last flush.
    /// - Throws: `unavailable` when a SQLite store cannot be opened, `invalidArgument` for a bad store URL; NIOSSL's error when TLS cannot be set up.
    public static func build(
        configuration: ServerConfiguration, metrics: PrometheusCollectorRegistry, logger: Logger,
        servingServices: (ServingService) -> [any Service] = { _ in [] }
    ) async throws -> some ApplicationProtocol {
        let opened = try MetadataStores.open(configuration.storePath, logger: logger)
        let artifacts = try artifactStore(configuration)
        let serving = makeServing(store: opened.store, artifacts: artifacts, configuration: configuration)
        let monitoring = ServerMonitoring(store: opened.store, webhookSecret: configuration.webhookSecret, webhookAddresses: configuration.webhookAddresses)
        let router = makeRouter(
            store: opened.store, artifacts: artifacts, configuration: configuration, metrics: metrics, serving: serving,
            monitoring: monitoring)
        var app = Application(
            router: router, server: try ServerTLS.httpServer(configuration.tls),
            configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "cairn"),
            services: (opened.pool.map { [$0] } ?? []) + serving.services(refreshInterval: configuration.deploymentRefreshInterval, logger: logger)
                + monitoring.services(interval: configuration.monitorInterval, logger: logger)
                + servingServices(ServingService(directory: serving.host)),
            logger: logger)
        app.beforeServerStarts {
            try await opened.migrate()
            try await TrackingService(experiments: opened.store, runs: opened.store).bootstrap()
        }
        return app
    }

    /// The artifact store a configuration names: a local directory or an S3-compatible bucket.
    /// - Throws: `invalidArgument` for a bad S3 location or missing credentials.
    static func artifactStore(_ configuration: ServerConfiguration) throws -> any ArtifactStore {
        try ArtifactStores.open(configuration.artifactsPath, s3Credentials: configuration.s3Credentials)
    }

    /// The deployments of a store, served from models in its registry and artifact store.
    public static func makeServing(store: any MetadataStore, artifacts: any ArtifactStore, configuration: ServerConfiguration) -> ServerServing {
        let tracking = TrackingService(experiments: store, runs: store)
        let runs = TrackingRunLookup(tracking: tracking, loggedModels: LoggedModelService(models: store, experiments: store))
        return ServerServing(
            store: store, registry: RegistryService(models: store, versions: store, runs: runs), runs: runs, artifacts: artifacts,
            cacheDirectory: configuration.modelCacheDirectory)
    }

    /// The router with every route and middleware; separate from ``build`` so tests can drive it in memory.
    /// - Parameters:
    ///   - serving: the deployments to host; made from the store when `nil`.
    ///   - monitoring: performance, monitors and alerts; made from the store when `nil`.
    public static func makeRouter(
        store: any MetadataStore, artifacts: any ArtifactStore, configuration: ServerConfiguration,
        metrics: PrometheusCollectorRegistry, serving: ServerServing? = nil, monitoring: ServerMonitoring? = nil
    ) -> Router<BasicRequestContext> {
        let serving = serving ?? makeServing(store: store, artifacts: artifacts, configuration: configuration)
        let monitoring = monitoring ?? ServerMonitoring(store: store, webhookSecret: configuration.webhookSecret, webhookAddresses: configuration.webhookAddresses)
        let tracking = TrackingService(experiments: store, runs: store)
        let loggedModels = LoggedModelService(models: store, experiments: store)
        let registry = RegistryService(
            models: store, versions: store, runs: TrackingRunLookup(tracking: tracking, loggedModels: loggedModels))

        let router = Router()
        router.add(middleware: MetricsMiddleware())
        router.add(middleware: LogRequestsMiddleware(.debug))
        SystemController(version: version, metrics: metrics).register(on: router)

        let mlflowGroups = [Routes.mlflow, Routes.mlflowAjax].map {
            router.group(RouterPath($0)).add(middleware: MLflowErrorMiddleware())
        }
        let routes = MLflowRoutes(groups: mlflowGroups, maxBodySize: configuration.maxBodySize)
        ExperimentsController(tracking: tracking).register(on: routes)
        RunsController(tracking: tracking).register(on: routes)
        LoggedModelsController(models: loggedModels).register(on: routes)
        RegisteredModelsController(registry: registry).register(on: routes)
        ModelVersionsController(registry: registry).register(on: routes)
        let artifactsController = ArtifactsController(store: artifacts, tracking: tracking)
        artifactsController.registerRunListing(on: routes)
        artifactsController.registerProxy(
            on: [Routes.mlflowArtifacts, Routes.mlflowArtifactsAjax].map {
                router.group(RouterPath($0)).add(middleware: MLflowErrorMiddleware())
            })

        DeploymentsController(deployments: serving.deployments, maxBodySize: configuration.maxBodySize).register(on: router)
        PredictionLogController(predictions: serving.predictions, maxBodySize: configuration.maxBodySize).register(on: router)
        let hosted = ServingService(directory: serving.host)
        InferenceV2Controller(serving: hosted, serverVersion: version, maxBodySize: configuration.maxBodySize).register(on: router)
        ScoringController(serving: hosted, maxBodySize: configuration.maxBodySize)
            .registerEndpoints(on: router, prefix: Routes.deploymentInvocations)
        monitoring.register(on: router, maxBodySize: configuration.maxBodySize)
        return router
    }
}

/// The registry's view of runs and logged models, backed by the tracking services.
public struct TrackingRunLookup: RunLookup {
    let tracking: TrackingService
    let loggedModels: LoggedModelService

    public init(tracking: TrackingService, loggedModels: LoggedModelService) {
        self.tracking = tracking
        self.loggedModels = loggedModels
    }

    public func runArtifactURI(runID: String) async throws -> String? {
        do {
            return try await tracking.run(id: runID).info.artifactURI
        } catch let error as CairnError where error.code == .notFound {
            return nil
        }
    }

    public func loggedModel(id: String) async throws -> (artifactURI: String, sourceRunID: String?)? {
        do {
            let model = try await loggedModels.get(id: id)
            return (model.artifactURI, model.sourceRunID)
        } catch let error as CairnError where error.code == .notFound {
            return nil
        }
    }
}
