import CairnAPI

/// How monitors and their runs are printed.
enum MonitorOutput {
    /// The tests a monitor runs: `drift, quality, accuracy>=0.8`.
    static func tests(_ monitor: MonitorBody) -> String {
        var tests: [String] = []
        if monitor.drift != nil { tests.append("drift") }
        if monitor.quality != nil { tests.append("quality") }
        for bound in monitor.performance ?? [] {
            if let min = bound.min { tests.append("\(bound.metric)>=\(MonitorDrift.number(min))") }
            if let max = bound.max { tests.append("\(bound.metric)<=\(MonitorDrift.number(max))") }
        }
        return tests.joined(separator: ", ")
    }

    /// A run: its verdict, then one line per check.
    static func print(_ run: MonitorRunBody) {
        Swift.print("run \(run.id) (\(run.trigger)) at \(Output.time(run.time)): \(run.status.uppercased()), \(run.rows) rows in "
            + "[\(Output.time(run.window_start)), \(Output.time(run.window_end)))")
        Output.table(
            ["CHECK", "STATUS", "VALUE", "THRESHOLD", "DETAIL"],
            run.checks.map { [$0.name, $0.status, $0.value.map(MonitorDrift.number) ?? "-", $0.threshold.map(MonitorDrift.number) ?? "-", $0.detail] })
    }
}
