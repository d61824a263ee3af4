import CairnCore
import CairnML

/// Turns a window's data and performance into a monitor's checks.
enum MonitorChecks {
    /// The drift and quality checks of a window's inputs against the monitor's reference.
    static func data(_ spec: MonitorSpec, inputs: Table?) -> (checks: [CheckResult], drift: DriftReport?) {
        guard let reference = spec.reference else { return ([], nil) }
        let rows = inputs?.rowCount ?? 0
        guard let inputs, rows >= spec.minRows else {
            let reason = rows == 0 ? "no predictions in the window" : "only \(rows) rows in the window (min_rows \(spec.minRows))"
            return ([spec.drift.map { _ in skipped("drift", reason) }, spec.quality.map { _ in skipped("quality", reason) }].compactMap { $0 }, nil)
        }
        var checks: [CheckResult] = []
        var report: DriftReport?
        if let options = spec.drift {
            do {
                let drift = try DriftDetector.run(profile: reference, current: inputs, options: options)
                report = drift
                checks.append(driftCheck(drift))
            } catch let error as CairnError {
                checks.append(skipped("drift", error.message))
            } catch {
                checks.append(skipped("drift", "\(error)"))
            }
        }
        if let thresholds = spec.quality {
            do {
                let quality = try QualityChecker.run(profile: reference, current: inputs, thresholds: thresholds)
                checks += quality.checks.map {
                    CheckResult(
                        name: "quality.\($0.column).\($0.check.rawValue)", status: CheckStatus(rawValue: $0.status.rawValue)!, value: $0.value,
                        threshold: $0.threshold, detail: $0.detail)
                }
            } catch let error as CairnError {
                checks.append(skipped("quality", error.message))
            } catch {
                checks.append(skipped("quality", "\(error)"))
            }
        }
        return (checks, report)
    }

    /// The dataset-level drift verdict as a check.
    static func driftCheck(_ drift: DriftReport) -> CheckResult {
        let tested = drift.columns.filter { $0.method != nil }
        guard !tested.isEmpty else { return skipped("drift", "no column could be tested (every column was skipped)") }
        let drifted = tested.filter(\.drifted).map(\.column)
        return CheckResult(
            name: "drift", status: drift.datasetDrift ? .failed : .passed, value: drift.shareDrifted, threshold: drift.driftShare,
            detail: "\(drifted.count) of \(tested.count) columns drifted" + (drifted.isEmpty ? "" : ": " + drifted.joined(separator: ", ")))
    }

    /// The performance thresholds checked for every model version that predicted in the window.
    static func performance(_ spec: MonitorSpec, report: PerformanceReport) -> [CheckResult] {
        guard !spec.performance.isEmpty else { return [] }
        guard !report.windows.isEmpty else {
            return spec.performance.map { skipped("performance.\($0.metric)", report.skipReason ?? "no predictions in the window") }
        }
        return report.windows.flatMap { window in
            spec.performance.map { bound in
                let name = "performance.\(bound.metric)[\(window.model)/\(window.version)]"
                if let reason = window.skipReason { return skipped(name, reason) }
                guard let value = window.metrics[bound.metric] else {
                    return skipped(name, "\(bound.metric) cannot be computed on these predictions (\(window.labeled) labeled rows)")
                }
                if let min = bound.min, value < min {
                    return CheckResult(name: name, status: .failed, value: value, threshold: min, detail: "below the minimum \(min) on \(window.labeled) labeled rows")
                }
                if let max = bound.max, value > max {
                    return CheckResult(name: name, status: .failed, value: value, threshold: max, detail: "above the maximum \(max) on \(window.labeled) labeled rows")
                }
                return CheckResult(name: name, status: .passed, value: value, threshold: bound.min ?? bound.max, detail: "\(window.labeled) labeled rows")
            }
        }
    }

    static func skipped(_ name: String, _ reason: String) -> CheckResult { CheckResult(name: name, status: .skipped, detail: reason) }
}
