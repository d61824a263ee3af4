import ArgumentParser

/// `cairn monitors run`.
struct MonitorsRun: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a monitor now on the window ending now; exits 6 when a check failed.")

    @Argument(help: "The monitor's name.") var name: String
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        var failed = false
        try await Output.run {
            let run = try await MonitoringClient(server: server.server()).run(name)
            failed = run.status == "failed"
            if server.json { return try Output.json(run) }
            MonitorOutput.print(run)
        }
        if failed { throw ExitCode(6) }
    }
}
