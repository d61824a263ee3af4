import CairnArtifacts
import CairnRegistry
import CairnServing
import CairnStore
import Foundation
import Logging
import ServiceLifecycle

/// The serving parts of `cairn server`: hosted deployments, their API and the background services they need.
public struct ServerServing: Sendable {
    public let deployments: DeploymentService
    public let host: DeploymentHost
    public let shadows: ShadowDispatcher
    public let log: PredictionLog
    public let predictions: PredictionLogService

    /// Wires deployments to the store, the registry and the artifact store.
    /// - Parameter loader: loads model files; Cairn's native format by default.
    public init(
        store: SQLiteStore, registry: RegistryService, runs: any RunLookup, artifacts: any ArtifactStore, cacheDirectory: URL,
        logConfiguration: PredictionLog.Configuration = .init(), loader: any PredictorLoader = NativePredictorLoader()
    ) {
        let source = RegistryModelSource(registry: registry, runs: runs, artifacts: artifacts, cacheDirectory: cacheDirectory)
        shadows = ShadowDispatcher()
        log = PredictionLog(sink: store, configuration: logConfiguration)
        predictions = PredictionLogService(sink: store)
        host = DeploymentHost(source: source, loader: loader, shadows: shadows, log: log)
        deployments = DeploymentService(store: store, host: host)
    }

    /// The services to run beside the HTTP server: shadow predictions, the prediction log's flushes and the
    /// periodic deployment refresh. They stop after the HTTP server has drained, so the last flush sees every
    /// answered prediction.
    public func services(refreshInterval: Duration, logger: Logger) -> [any Service] {
        [
            PredictionLogFlushService(log: log, logger: logger), ShadowService(dispatcher: shadows),
            DeploymentRefreshService(deployments: deployments, interval: refreshInterval, logger: logger),
        ]
    }
}
