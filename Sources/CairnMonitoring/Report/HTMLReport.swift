import Foundation

/// Renders a ``MonitoringReport`` as one self-contained HTML page: summary, drift and quality tables, and an
/// inline SVG overlay of the reference and current distributions per column. No script, no external file.
public enum HTMLReport {
    /// The page.
    public static func render(_ report: MonitoringReport) -> String {
        var html = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Cairn monitoring report</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
            td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left}th{background:#f3f3f3}
            .bad{color:#b00020;font-weight:600}.ok{color:#1b5e20}.skip{color:#777}
            .charts{display:flex;flex-wrap:wrap;gap:1.5em}.chart{width:420px}
            .legend span{display:inline-block;width:.8em;height:.8em;margin:0 .3em 0 1em}
            </style></head><body>
            <h1>Cairn monitoring report</h1>

            """
        let verdict = report.drift.datasetDrift ? "<span class=\"bad\">dataset drift</span>" : "<span class=\"ok\">no dataset drift</span>"
        html += "<p>\(ISO8601DateFormatter().string(from: report.createdAt)) · reference \(report.referenceRows) rows · "
        html += "current \(report.currentRows) rows · \(report.drift.driftedCount) drifted columns, share "
        html += "\(format(report.drift.shareDrifted)) (threshold \(format(report.drift.driftShare))): \(verdict) · "
        html += report.quality.passed
            ? "<span class=\"ok\">data quality passed</span></p>\n"
            : "<span class=\"bad\">\(report.quality.failures.count) data quality checks failed</span></p>\n"
        if !report.driftHistory.isEmpty { html += driftHistoryChart(report.driftHistory) }
        html += driftTable(report.drift)
        html += qualityTable(report.quality)
        html += "<h2>Distributions</h2>\n<p class=\"legend\"><span style=\"background:#1f77b4\"></span>reference"
        html += "<span style=\"background:#ff7f0e\"></span>current</p>\n<div class=\"charts\">\n"
        for distribution in report.distributions { html += chart(distribution) }
        html += "</div>\n</body></html>\n"
        return html
    }

    private static func driftTable(_ drift: DriftReport) -> String {
        var html = "<h2>Drift</h2>\n<table><tr><th>column</th><th>type</th><th>test</th><th>statistic</th><th>p-value</th>"
        html += "<th>threshold</th><th>verdict</th></tr>\n"
        for column in drift.columns {
            let verdict = column.method == nil
                ? "<span class=\"skip\">skipped: \(escape(column.skipReason ?? ""))</span>"
                : column.drifted ? "<span class=\"bad\">drift</span>" : "<span class=\"ok\">no drift</span>"
            let cells = [escape(column.column), column.type.rawValue, column.method?.displayName ?? "-",
                         column.statistic.map(format) ?? "-", column.pValue.map(format) ?? "-",
                         column.threshold.map(format) ?? "-", verdict + (column.approximate ? " (approximate)" : "")]
            html += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    private static func qualityTable(_ quality: QualityReport) -> String {
        var html = "<h2>Data quality</h2>\n<table><tr><th>column</th><th>check</th><th>value</th><th>threshold</th>"
        html += "<th>status</th><th>detail</th></tr>\n"
        for check in quality.checks {
            let css = check.status == .failed ? "bad" : check.status == .passed ? "ok" : "skip"
            let cells = [escape(check.column), check.check.rawValue, check.value.map(format) ?? "-",
                         check.threshold.map(format) ?? "-", "<span class=\"\(css)\">\(check.status.rawValue)</span>",
                         escape(check.detail)]
            html += "<tr>" + cells.map { "<td>\($0)</td>" }.joined() + "</tr>\n"
        }
        return html + "</table>\n"
    }

    /// Side-by-side bars per bucket: reference then current, heights proportional to the shares.
    private static func chart(_ distribution: ColumnDistribution) -> String {
        let width = 420.0
        let height = 180.0
        let bottom = 150.0
        let buckets = max(distribution.labels.count, 1)
        let slot = (width - 20) / Double(buckets)
        let top = max(distribution.reference.max() ?? 0, distribution.current.max() ?? 0, 1e-12)
        var svg = "<div class=\"chart\"><h3>\(escape(distribution.column))</h3>"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" role=\"img\">"
        for (index, label) in distribution.labels.enumerated() {
            let x = 10 + Double(index) * slot
            for (offset, (share, colour)) in [(distribution.reference[index], "#1f77b4"), (distribution.current[index], "#ff7f0e")].enumerated() {
                let h = share / top * (bottom - 10)
                svg += "<rect x=\"\(format(x + Double(offset) * slot * 0.45))\" y=\"\(format(bottom - h))\" width=\"\(format(slot * 0.42))\" "
                svg += "height=\"\(format(h))\" fill=\"\(colour)\"><title>\(escape(label)): \(format(share))</title></rect>"
            }
            if distribution.numeric ? index % 5 == 0 : buckets <= 8 {
                svg += "<text x=\"\(format(x))\" y=\"\(Int(bottom + 14))\" font-size=\"10\">\(escape(String(label.prefix(10))))</text>"
            }
        }
        svg += "<line x1=\"10\" y1=\"\(Int(bottom))\" x2=\"\(Int(width - 10))\" y2=\"\(Int(bottom))\" stroke=\"#888\"/>"
        return svg + "</svg></div>\n"
    }

    /// The share of drifted columns per run as a line over time, with the drift share as a dashed line.
    private static func driftHistoryChart(_ points: [DriftPoint]) -> String {
        let width = 640.0
        let left = 40.0
        let bottom = 170.0
        let plot = 150.0
        let first = Double(points.first!.time)
        let span = max(Double(points.last!.time) - first, 1)
        func x(_ time: Int64) -> String { format(points.count == 1 ? left : left + (Double(time) - first) / span * (width - left - 20)) }
        func y(_ share: Double) -> String { format(bottom - min(max(share, 0), 1) * plot) }
        var svg = "<h2>Drift over time</h2>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"200\" role=\"img\">"
        svg += "<line x1=\"\(Int(left))\" y1=\"\(Int(bottom))\" x2=\"\(Int(width - 10))\" y2=\"\(Int(bottom))\" stroke=\"#888\"/>"
        svg += "<text x=\"4\" y=\"\(y(1))\" font-size=\"10\">1</text><text x=\"4\" y=\"\(Int(bottom))\" font-size=\"10\">0</text>"
        let threshold = points.last!.driftShare
        svg += "<line x1=\"\(Int(left))\" y1=\"\(y(threshold))\" x2=\"\(Int(width - 10))\" y2=\"\(y(threshold))\" stroke=\"#b00020\" stroke-dasharray=\"4 3\"/>"
        svg += "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\""
        svg += points.map { "\(x($0.time)),\(y($0.shareDrifted))" }.joined(separator: " ") + "\"/>"
        for point in points {
            let colour = point.shareDrifted >= point.driftShare ? "#b00020" : "#1f77b4"
            svg += "<circle cx=\"\(x(point.time))\" cy=\"\(y(point.shareDrifted))\" r=\"3\" fill=\"\(colour)\"><title>"
            svg += "\(ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(point.time) / 1000))): \(format(point.shareDrifted))</title></circle>"
        }
        return svg + "</svg>\n<p>Share of drifted columns per run; dashed: the drift share at which the dataset drifts.</p>\n"
    }

    private static func format(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        return String(format: "%.4g", value)
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
