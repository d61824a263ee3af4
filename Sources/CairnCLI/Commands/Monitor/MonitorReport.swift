import ArgumentParser
import CairnMonitoring
import Foundation

/// `cairn monitor report`: drift, data quality and distribution overlays as a self-contained HTML page or JSON.
struct MonitorReport: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write a self-contained HTML monitoring report (drift, data quality, distributions).")

    @OptionGroup var inputs: ReferenceOptions
    @Option(help: "Where to write the HTML report.") var output: String?
    @Flag(help: "Print the report's data as JSON.") var json = false

    func validate() throws {
        if output == nil && !json { throw ValidationError("Give --output FILE.html, --json, or both.") }
    }

    func run() async throws {
        try await Output.run {
            let report = try MonitoringReport(
                profile: try inputs.referenceProfile(), current: try inputs.currentTable(), options: inputs.driftOptions())
            if let output { try Data(HTMLReport.render(report).utf8).write(to: URL(fileURLWithPath: output)) }
            if json { return try Output.json(report) }
            print("wrote \(output ?? "") (\(report.drift.driftedCount) drifted columns, "
                + "\(report.drift.datasetDrift ? "dataset drift" : "no dataset drift"), "
                + "\(report.quality.failures.count) failed quality checks)")
        }
    }
}
