import CairnCore
import Foundation

/// The rules a monitor's name and spec follow.
enum MonitorValidation {
    /// - Throws: `invalid_argument` naming the first rule broken.
    static func check(name: String, spec: MonitorSpec) throws {
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-_."))
        guard !name.isEmpty, name.count <= 200, name.unicodeScalars.allSatisfy(allowed.contains) else {
            throw CairnError.invalid("Invalid monitor name '\(name)': use 1 to 200 letters, digits, '-', '_' or '.'")
        }
        guard spec.drift != nil || spec.quality != nil || !spec.performance.isEmpty else {
            throw CairnError.invalid("A monitor needs at least one test: drift, quality or a performance threshold")
        }
        if spec.reference == nil, spec.drift != nil || spec.quality != nil {
            throw CairnError.invalid("Drift and quality tests need a reference profile")
        }
        for bound in spec.performance {
            guard MetricThreshold.metrics.contains(bound.metric) else {
                throw CairnError.invalid("Unknown metric '\(bound.metric)'; use one of \(MetricThreshold.metrics.sorted().joined(separator: ", "))")
            }
            guard bound.min != nil || bound.max != nil else { throw CairnError.invalid("The threshold on '\(bound.metric)' needs a min or a max") }
        }
        guard spec.minRows >= 1 else { throw CairnError.invalid("min_rows must be at least 1") }
        if let share = spec.drift?.driftShare, !(share > 0 && share <= 1) { throw CairnError.invalid("drift_share must be in (0, 1]") }
        for url in spec.webhooks {
            guard let parsed = URL(string: url), ["http", "https"].contains(parsed.scheme?.lowercased() ?? ""),
                let host = parsed.host, !host.isEmpty
            else {
                throw CairnError.invalid("Invalid webhook URL '\(url)': expected http:// or https:// and a host")
            }
            guard parsed.user == nil, parsed.password == nil else {
                throw CairnError.invalid("Invalid webhook URL: it must not carry credentials (user:password@); sign bodies with CAIRN_WEBHOOK_SECRET instead")
            }
        }
    }
}
