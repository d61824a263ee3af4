/// A per-column drift test of Evidently 0.7, with its default threshold and the side of it that means drift.
public enum DriftMethod: String, Sendable, Codable, CaseIterable {
    /// Two-sample Kolmogorov–Smirnov; the score is the p-value.
    case ks
    /// Chi-squared goodness of fit of current counts to reference counts; the score is the p-value.
    case chisquare
    /// Two-proportion Z-test; the score is the p-value.
    case z
    /// Jensen–Shannon distance (natural logarithm) between bucket shares.
    case jensenshannon
    /// Wasserstein distance divided by the reference's standard deviation.
    case wasserstein
    /// Population stability index over bucket shares.
    case psi

    /// Evidently's display name, as its snapshots carry it.
    public var displayName: String {
        switch self {
        case .ks: "K-S p_value"
        case .chisquare: "chi-square p_value"
        case .z: "Z-test p_value"
        case .jensenshannon: "Jensen-Shannon distance"
        case .wasserstein: "Wasserstein distance (normed)"
        case .psi: "PSI"
        }
    }

    /// Whether the score is a p-value (drift below the threshold) rather than a distance (drift at or above it).
    public var scoreIsPValue: Bool { self == .ks || self == .chisquare || self == .z }

    /// The default threshold: 0.05 for p-values, 0.1 for distances.
    public var defaultThreshold: Double { scoreIsPValue ? 0.05 : 0.1 }

    /// Whether `score` means drift against `threshold`: KS at p ≤ threshold, chi-squared and Z at
    /// p < threshold, distances at score ≥ threshold.
    public func isDrift(score: Double, threshold: Double) -> Bool {
        switch self {
        case .ks: score <= threshold
        case .chisquare, .z: score < threshold
        case .jensenshannon, .wasserstein, .psi: score >= threshold
        }
    }

    /// Whether a test named by the caller may run on a column of this type (Evidently's `allowed_feature_types`;
    /// its automatic choice also runs chi-squared and Z on numerical columns with few values).
    public func accepts(_ type: ColumnType) -> Bool {
        switch self {
        case .ks, .wasserstein: type == .numerical
        case .chisquare, .z: type == .categorical
        case .jensenshannon, .psi: type == .categorical || type == .numerical
        }
    }

    /// Evidently's automatic choice (`_get_default_stattest`) from the column type, the reference size and the
    /// number of distinct values on both sides together.
    public static func automatic(type: ColumnType, referenceCount: Double, distinctValues: Int) -> DriftMethod {
        if referenceCount <= 1000 {
            if type == .numerical && distinctValues > 5 { return .ks }
            return distinctValues > 2 ? .chisquare : .z
        }
        if type == .numerical && distinctValues > 5 { return .wasserstein }
        return .jensenshannon
    }
}
