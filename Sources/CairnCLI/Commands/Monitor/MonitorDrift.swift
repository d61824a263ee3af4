import ArgumentParser
import CairnMonitoring
import Foundation

/// `cairn monitor drift`: Evidently-compatible drift tests of current data against reference data or a profile.
struct MonitorDrift: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "drift",
        abstract: "Test each column for drift (Evidently 0.7 defaults) and print the dataset verdict.")

    @OptionGroup var inputs: ReferenceOptions
    @Flag(help: "Print one JSON object: columns, share_drifted, dataset_drift.") var json = false

    func run() async throws {
        try await Output.run {
            let options = inputs.driftOptions()
            let report: DriftReport
            if inputs.referenceIsProfile {
                // The profile is decoded while the current data is read.
                let path = inputs.reference
                async let profile = ReferenceProfile.load(path: path)
                let current = try inputs.currentTable()
                report = try DriftDetector.run(profile: try await profile, current: current, options: options)
            } else {
                // The two files are read at the same time.
                let (dataOptions, path) = (inputs.dataOptions, inputs.reference)
                async let reference = dataOptions.read(path)
                let current = try inputs.currentTable()
                report = try DriftDetector.run(reference: try await reference, current: current, options: options)
            }
            if json { return try Output.json(DriftJSON(report)) }
            Output.table(["COLUMN", "TYPE", "TEST", "STATISTIC", "P-VALUE", "THRESHOLD", "VERDICT"], report.columns.map(Self.row))
            print("dataset: \(report.driftedCount) drifted, share \(Self.number(report.shareDrifted)) "
                + "(drift share \(Self.number(report.driftShare))): \(report.datasetDrift ? "DATASET DRIFT" : "no dataset drift")")
        }
    }

    private static func row(_ result: ColumnDrift) -> [String] {
        let verdict = result.method == nil
            ? "skipped: \(result.skipReason ?? "")"
            : (result.drifted ? "DRIFT" : "no drift") + (result.approximate ? " (approximate)" : "")
        return [result.column, result.type.rawValue, result.method?.rawValue ?? "-", result.statistic.map(number) ?? "-",
                result.pValue.map(number) ?? "-", result.threshold.map(number) ?? "-", verdict]
    }

    static func number(_ value: Double) -> String { String(format: "%.6g", value) }
}
