import ArgumentParser
import CairnAPI
import CairnCore
import Foundation

/// `cairn monitors create`.
struct MonitorsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "create", abstract: "Declare a monitor of a deployment.")

    @Argument(help: "The monitor's name.") var name: String
    @Option(help: "The deployment whose prediction log it reads.") var deployment: String
    @Option(help: "How much of the log each run reads: a number and s, m, h or d.") var window = "1h"
    @Option(help: "Run every this long on the server (e.g. 15m); without it the monitor runs only on demand.") var schedule: String?
    @Option(help: "A reference profile written by cairn monitor profile (.json); needed for --drift and --quality.") var reference: String?
    @Flag(help: "Test the inputs for drift against the reference (Evidently's defaults).") var drift = false
    @Option(help: "Comma-separated input columns to test for drift (default: all).") var columns: String?
    @Option(help: "Dataset drift at this share of drifted columns (default 0.5).") var driftShare: Double?
    @Option(help: "One drift test for every column: ks, chisquare, z, psi, jensenshannon, wasserstein.") var driftMethod: String?
    @Flag(help: "Check data quality against the reference (default thresholds).") var quality = false
    @Option(name: .customLong("metric"), help: "A performance bound, repeatable: accuracy>=0.8, rmse<=2.5.") var metrics: [String] = []
    @Option(help: "Skip the data tests when the window has fewer rows.") var minRows: Int?
    @Option(name: .customLong("webhook"), help: "A URL that receives a JSON POST when an alert opens or resolves, repeatable.") var webhooks: [String] = []
    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let body = MonitorBody(
                name: name, deployment: deployment, window: window, schedule: schedule, reference: try referenceJSON(),
                drift: drift || columns != nil || driftShare != nil || driftMethod != nil
                    ? DriftTestBody(columns: columns.map(Self.list), method: driftMethod, drift_share: driftShare) : nil,
                quality: quality ? QualityTestBody() : nil, performance: try metrics.map(Self.threshold), min_rows: minRows,
                webhooks: webhooks.isEmpty ? nil : webhooks)
            let monitor = try await MonitoringClient(server: server.server()).create(body)
            if server.json { return try Output.json(monitor) }
            print("Created monitor \(monitor.name) of \(monitor.deployment)" + (monitor.next_run.map { ", next run \(Output.time($0))" } ?? ""))
        }
    }

    private func referenceJSON() throws -> JSONValue? {
        guard let reference else { return nil }
        guard let data = FileManager.default.contents(atPath: reference) else { throw CairnError.notFound("cannot read reference profile '\(reference)'") }
        do {
            return try JSONDecoder().decode(JSONValue.self, from: data)
        } catch {
            throw CairnError.invalid("reference profile '\(reference)' is not JSON")
        }
    }

    static func list(_ text: String) -> [String] { text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }

    /// Parses `metric>=value` or `metric<=value`.
    static func threshold(_ text: String) throws -> MetricThresholdBody {
        for (op, isMin) in [(">=", true), ("<=", false)] {
            guard let range = text.range(of: op) else { continue }
            guard let value = Double(text[range.upperBound...]) else { break }
            let metric = String(text[..<range.lowerBound])
            return isMin ? MetricThresholdBody(metric: metric, min: value) : MetricThresholdBody(metric: metric, max: value)
        }
        throw CairnError.invalid("Invalid metric bound '\(text)': expected METRIC>=VALUE or METRIC<=VALUE, e.g. accuracy>=0.8")
    }
}
