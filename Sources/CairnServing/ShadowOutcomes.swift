import Metrics
import Synchronization

/// Counts of shadow predictions by deployment, version and outcome, also exported as the metric
/// `cairn_serving_shadow_total`.
public final class ShadowOutcomes: Sendable {
    /// What happened to a copy.
    public enum Outcome: String, Sendable {
        case answered, failed, dropped
    }

    private let counts = Mutex<[String: Int]>([:])

    /// The count for a deployment's version and outcome.
    public func count(deployment: String, version: String, outcome: Outcome) -> Int {
        counts.withLock { $0["\(deployment)/\(version)/\(outcome.rawValue)"] ?? 0 }
    }

    func record(_ job: ShadowDispatcher.Job, _ outcome: Outcome) {
        counts.withLock { $0["\(job.deployment)/\(job.model.version)/\(outcome.rawValue)", default: 0] += 1 }
        Counter(
            label: "cairn_serving_shadow_total",
            dimensions: [("deployment", job.deployment), ("version", job.model.version), ("outcome", outcome.rawValue)]
        ).increment()
    }
}
