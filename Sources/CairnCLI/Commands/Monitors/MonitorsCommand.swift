import ArgumentParser

/// `cairn monitors`: monitors of deployments, which a running server runs on schedule.
struct MonitorsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitors", abstract: "Declare, run and inspect the monitors of a server's deployments.",
        subcommands: [
            MonitorsCreate.self, MonitorsList.self, MonitorsShow.self, MonitorsRun.self, MonitorsHistory.self, MonitorsReport.self, MonitorsDelete.self,
        ])
}
