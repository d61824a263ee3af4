import ArgumentParser
import CairnAPI

/// `cairn monitor performance`: a deployment's accuracy (or error) per window and model version, from logged
/// predictions joined with posted labels.
struct MonitorPerformance: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "performance", abstract: "Show a deployment's performance per time window and model version (late labels).")

    @Option(help: "The deployment whose prediction log is read.") var deployment: String
    @Option(help: "Window length: a number and s, m, h or d.") var window = "1h"
    @Option(help: "Range start: milliseconds since the epoch or ISO 8601 (default: 24 windows before the end).") var start: String?
    @Option(help: "Range end, exclusive (default: now).") var end: String?
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let report = try await MonitoringClient(server: server.server()).performance(deployment: deployment, window: window, start: start, end: end)
            if server.json { return try Output.json(report) }
            if let reason = report.skip_reason { return print("\(report.deployment): \(reason)") }
            let metrics = report.task == "regression" ? ["rmse", "mae"] : ["accuracy", "precision", "recall", "f1", "auc", "log_loss"]
            Output.table(
                ["WINDOW", "VERSION", "PREDICTIONS", "LABELED"] + metrics.map { $0.uppercased() } + ["NOTE"],
                report.windows.map { window in
                    [Output.time(window.start), "\(window.model)/\(window.version)", String(window.predictions), String(window.labeled)]
                        + metrics.map { window.metrics[$0].map(MonitorDrift.number) ?? "-" } + [window.skip_reason ?? ""]
                })
        }
    }
}
