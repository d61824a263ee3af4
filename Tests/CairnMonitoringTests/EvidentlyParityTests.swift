import CairnML
import Testing

@testable import CairnMonitoring

/// Drift results equal Evidently 0.7's on real data with real shifts (fixtures from the real package).
struct EvidentlyParityTests {
    static let scenarios = (try? MonitoringTestData.fixture().scenarios) ?? []

    private func close(_ a: Double?, _ b: Double, tolerance: Double = 1e-9) -> Bool {
        guard let a else { return false }
        if a.isInfinite || b.isInfinite || a.isNaN || b.isNaN { return a == b || (a.isNaN && b.isNaN) }
        return abs(a - b) <= tolerance
    }

    @Test(arguments: scenarios.map(\.name))
    func defaultPresetMatchesEvidently(name: String) throws {
        // Given the scenario's reference and current rows
        let scenario = try #require(Self.scenarios.first { $0.name == name })
        let reference = try MonitoringTestData.select(scenario.reference)
        let current = try MonitoringTestData.select(scenario.current)

        // When the default tests run
        let report = try DriftDetector.run(reference: reference, current: current,
                                           options: DriftOptions(columns: scenario.columns_tested))

        // Then every column's test, score, threshold and verdict, and the dataset share, equal Evidently's
        for (column, expected) in scenario.columns {
            let result = try #require(report[column])
            #expect(result.type.evidentlyName == expected.type, "\(column)")
            guard let method = expected.method else { continue }
            #expect(result.method?.rawValue == method, "\(column)")
            #expect(close(result.score, expected.score!.value), "\(column): \(result.score ?? .nan) vs \(expected.score!.value)")
            #expect(result.threshold == expected.threshold, "\(column)")
            #expect(result.drifted == expected.drifted, "\(column)")
        }
        #expect(report.driftedCount == scenario.drifted_count)
        #expect(close(report.shareDrifted, scenario.share_drifted))
        if let expectDrift = scenario.expect_drift { #expect(report.datasetDrift == expectDrift) }
    }

    @Test(arguments: scenarios.map(\.name))
    func everyApplicableTestMatchesEvidently(name: String) throws {
        // Given the scenario's rows
        let scenario = try #require(Self.scenarios.first { $0.name == name })
        let reference = try MonitoringTestData.select(scenario.reference)
        let current = try MonitoringTestData.select(scenario.current)

        for (column, expected) in scenario.columns {
            for (methodName, score) in expected.scores ?? [:] {
                // When the test is named for the column
                let method = try #require(DriftMethod(rawValue: methodName))
                let options = DriftOptions(columns: [column], perColumnMethod: [column: method])
                let result = try #require(try DriftDetector.run(reference: reference, current: current, options: options)[column])

                // Then its score equals Evidently's
                if result.method == nil {
                    // Evidently allows chi-squared and Z on categorical columns only, as Cairn does.
                    Issue.record("\(column) \(methodName) skipped: \(result.skipReason ?? "")")
                    continue
                }
                #expect(close(result.score, score.value), "\(column) \(methodName): \(result.score ?? .nan) vs \(score.value)")
                if method == .ks, let d = expected.ks_statistic {
                    #expect(close(result.statistic, d.value), "\(column) KS statistic")
                }
            }
        }
    }
}

extension ColumnType {
    /// Evidently's `ColumnType` value.
    var evidentlyName: String {
        switch self {
        case .numerical: "num"
        case .categorical: "cat"
        case .text: "text"
        case .unknown: "unknown"
        }
    }
}
