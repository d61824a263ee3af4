import ArgumentParser

/// `cairn monitors show`.
struct MonitorsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a monitor and its latest run.")

    @Argument(help: "The monitor's name.") var name: String
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let client = try MonitoringClient(server: server.server())
            let monitor = try await client.show(name)
            if server.json { return try Output.json(monitor) }
            print("monitor:    \(monitor.name)\ndeployment: \(monitor.deployment)\nwindow:     \(monitor.window)")
            print("schedule:   \(monitor.schedule ?? "on demand")\ntests:      \(MonitorOutput.tests(monitor))")
            print("webhooks:   \((monitor.webhooks ?? []).joined(separator: ", "))\nnext run:   \(Output.time(monitor.next_run))")
            if let latest = try await client.history(name, limit: 1).first {
                print("")
                MonitorOutput.print(latest)
            }
        }
    }
}
