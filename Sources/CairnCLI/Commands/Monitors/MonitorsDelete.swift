import ArgumentParser

/// `cairn monitors delete`.
struct MonitorsDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a monitor with its runs and alerts.")

    @Argument(help: "The monitor's name.") var name: String
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            try await MonitoringClient(server: server.server()).delete(name)
            if !server.json { print("Deleted monitor \(name)") } else { try Output.json([String: String]()) }
        }
    }
}
