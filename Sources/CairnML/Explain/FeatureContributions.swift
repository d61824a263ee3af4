/// Per-row additive explanations of a model's raw scores: for every output and row, base value plus the
/// contributions of the features equals the raw score (log-odds, class logit or value).
public struct FeatureContributions: Sendable, Equatable {
    /// The features, in the order of each row's contributions.
    public let featureNames: [String]
    /// The raw score of each output when no feature is known.
    public let baseValues: [Double]
    /// Per output, per row, the contribution of each feature.
    public let values: [[[Double]]]

    /// The mean absolute contribution of each feature over rows and outputs: a global importance.
    public var meanAbsolute: [Double] {
        var sums = [Double](repeating: 0, count: featureNames.count)
        var rows = 0
        for output in values {
            for row in output {
                for (f, value) in row.enumerated() { sums[f] += abs(value) }
                rows += 1
            }
        }
        return sums.map { rows == 0 ? 0 : $0 / Double(rows) }
    }

    /// The contributions of groups of features, summed: feature `f` belongs to group `origins[f]`, named `names`.
    func summed(into names: [String], origins: [Int]) -> FeatureContributions {
        let grouped = values.map { output in
            output.map { row in
                var sums = [Double](repeating: 0, count: names.count)
                for (f, value) in row.enumerated() { sums[origins[f]] += value }
                return sums
            }
        }
        return FeatureContributions(featureNames: names, baseValues: baseValues, values: grouped)
    }
}
