import ArgumentParser

/// `cairn monitors list`.
struct MonitorsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the monitors of a server.")

    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let monitors = try await MonitoringClient(server: server.server()).list()
            if server.json { return try Output.json(monitors) }
            Output.table(
                ["NAME", "DEPLOYMENT", "WINDOW", "SCHEDULE", "TESTS", "NEXT RUN"],
                monitors.map { [$0.name, $0.deployment, $0.window, $0.schedule ?? "-", MonitorOutput.tests($0), Output.time($0.next_run)] })
        }
    }
}
