import ArgumentParser
import Foundation

/// `cairn monitors report`.
struct MonitorsReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the report of a monitor's latest run (HTML with drift over time), or print its data as JSON.")

    @Argument(help: "The monitor's name.") var name: String
    @Option(help: "Where to write the HTML report.") var output: String?
    @OptionGroup var server: DeploymentServerOptions

    func validate() throws {
        if output == nil && !server.json { throw ValidationError("Give --output FILE.html, --json, or both.") }
    }

    func run() async throws {
        try await Output.run {
            let client = MonitoringClient(server: try server.server())
            if let output {
                try await client.report(name, format: "html").write(to: URL(fileURLWithPath: output))
                if !server.json { print("wrote \(output)") }
            }
            if server.json { print(String(decoding: try await client.report(name, format: "json"), as: UTF8.self)) }
        }
    }
}
