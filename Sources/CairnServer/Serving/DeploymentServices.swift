import CairnServing
import Logging
import ServiceLifecycle

/// Runs shadow copies until graceful shutdown, then finishes the queued ones.
struct ShadowService: Service {
    let dispatcher: ShadowDispatcher

    func run() async throws {
        await withGracefulShutdownHandler {
            await dispatcher.run()
        } onGracefulShutdown: {
            dispatcher.finish()
        }
    }
}

/// Flushes the prediction log every interval; on graceful shutdown, flushes what is left and stops.
struct PredictionLogFlushService: Service {
    let log: PredictionLog
    let logger: Logger

    func run() async throws {
        await withGracefulShutdownHandler {
            await log.run { logger.error("Prediction log flush failed", metadata: ["cairn.error": "\($0)"]) }
        } onGracefulShutdown: {
            log.stop()
        }
    }
}

/// Every `interval`, brings the hosted deployments in line with the store: follows aliases and stages that
/// moved (loading and warming the new version before the swap), retries routes that failed to load, and picks up
/// changes made through other replicas.
struct DeploymentRefreshService: Service {
    let deployments: DeploymentService
    let interval: Duration
    let logger: Logger

    func run() async throws {
        try? await deployments.refreshHost()
        while !Task.isCancelledOrShuttingDown {
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
            do {
                try await deployments.refreshHost()
            } catch {
                logger.warning("Deployment refresh failed", metadata: ["cairn.error": "\(error)"])
            }
        }
    }
}

extension Task where Success == Never, Failure == Never {
    /// Whether the current task is cancelled or its service group is shutting down.
    static var isCancelledOrShuttingDown: Bool { Task.isCancelled || Task.isShuttingDownGracefully }
}
