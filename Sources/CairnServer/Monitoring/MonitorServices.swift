import CairnMonitoring
import Foundation
import Logging
import ServiceLifecycle

/// Every `interval`, runs the monitors that are due; several replicas may run it, the store's leases make sure
/// each due check runs once.
struct MonitorSchedulerService: Service {
    let monitors: MonitorService
    let interval: Duration
    let logger: Logger
    /// This replica's identity in the leases.
    let holder = "replica-" + UUID().uuidString.lowercased()

    func run() async throws {
        while !Task.isCancelledOrShuttingDown {
            do {
                let outcome = try await monitors.runDue(holder: holder)
                for run in outcome.runs {
                    logger.info("Monitor ran", metadata: ["cairn.monitor": "\(run.monitor)", "cairn.monitor.status": "\(run.status.rawValue)"])
                }
                for missed in outcome.notRun {
                    logger.warning(
                        "Monitor missed more due times than it catches up; the oldest were not run",
                        metadata: ["cairn.monitor": "\(missed.monitor)", "cairn.monitor.not_run": "\(missed.count)"])
                }
                for failure in outcome.failures {
                    logger.error("Monitor run failed", metadata: ["cairn.monitor": "\(failure.monitor)", "cairn.error": "\(failure.error)"])
                }
            } catch {
                logger.warning("Monitor scheduling failed", metadata: ["cairn.error": "\(error)"])
            }
            do {
                try await cancelWhenGracefulShutdown { try await Task.sleep(for: interval) }
            } catch {
                return
            }
        }
    }
}

/// Delivers webhook notifications until graceful shutdown, then stops (a down endpoint must not hold up the
/// shutdown with its retries) and closes the HTTP client.
struct WebhookService: Service {
    let notifier: WebhookNotifier
    let transport: WebhookHTTPTransport?

    func run() async throws {
        await cancelWhenGracefulShutdown { await notifier.run() }
        try await transport?.shutdown()
    }
}
