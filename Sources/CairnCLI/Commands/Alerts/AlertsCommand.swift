import ArgumentParser

/// `cairn alerts`: alerts opened by failing monitor runs.
struct AlertsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alerts", abstract: "List the alerts monitors opened and resolved.", subcommands: [AlertsList.self])
}
