import ArgumentParser

/// `cairn monitor`: reference profiles, drift tests and monitoring reports on data files; a deployment's
/// performance.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Profile reference data, test current data for drift, write monitoring reports, show performance.",
        subcommands: [MonitorProfile.self, MonitorDrift.self, MonitorReport.self, MonitorPerformance.self])
}
