import ArgumentParser

/// `cairn monitors history`.
struct MonitorsHistory: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "history", abstract: "List a monitor's runs, newest first.")

    @Argument(help: "The monitor's name.") var name: String
    @Option(help: "At most this many runs (1 to 1000).") var limit = 20
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let runs = try await MonitoringClient(server: server.server()).history(name, limit: limit)
            if server.json { return try Output.json(runs) }
            Output.table(
                ["TIME", "TRIGGER", "WINDOW START", "ROWS", "STATUS", "FAILED CHECKS"],
                runs.map { run in
                    [Output.time(run.time), run.trigger, Output.time(run.window_start), String(run.rows), run.status,
                     run.checks.filter { $0.status == "failed" }.map(\.name).joined(separator: ", ")]
                })
        }
    }
}
