import ArgumentParser

/// `cairn alerts list`.
struct AlertsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List alerts, newest first, with webhook deliveries.")

    @Option(help: "Only this monitor's alerts.") var monitor: String?
    @Flag(help: "Only open alerts.") var open = false
    @Option(help: "At most this many alerts (1 to 1000).") var limit = 100
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let alerts = try await MonitoringClient(server: server.server()).alerts(monitor: monitor, openOnly: open, limit: limit)
            if server.json { return try Output.json(alerts) }
            Output.table(
                ["OPENED", "MONITOR", "STATUS", "RESOLVED", "DELIVERIES", "SUMMARY"],
                alerts.map { alert in
                    let delivered = alert.deliveries.filter { $0.error == nil }.count
                    return [Output.time(alert.opened_at), alert.monitor, alert.status, Output.time(alert.resolved_at),
                            "\(delivered) ok / \(alert.deliveries.count) attempts", alert.summary]
                })
        }
    }
}
