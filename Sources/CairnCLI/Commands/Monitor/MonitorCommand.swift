import ArgumentParser

/// `cairn monitor`: reference profiles, drift tests and monitoring reports on data files.
struct MonitorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monitor", abstract: "Profile reference data, test current data for drift, write monitoring reports.",
        subcommands: [MonitorProfile.self, MonitorDrift.self, MonitorReport.self])
}
