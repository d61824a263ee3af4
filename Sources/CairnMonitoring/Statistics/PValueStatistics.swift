import Foundation

/// The frequency tests whose score is a p-value: a smaller score means more drift.
enum PValueStatistics {
    /// Evidently's chi-squared goodness of fit (`scipy.stats.chisquare`): current counts observed against
    /// reference counts scaled to the current size, k − 1 degrees of freedom. A value seen only in the current
    /// data makes the statistic infinite and the p-value 0.
    static func chiSquared(_ counts: AlignedCounts) -> (statistic: Double, pValue: Double) {
        let scaleFactor = counts.currentTotal / counts.referenceTotal
        var terms = [Double]()
        for (r, c) in zip(counts.reference, counts.current) {
            let expected = r * scaleFactor
            terms.append((c - expected) * (c - expected) / expected)
        }
        let statistic = NumericSample.pairwiseSum(terms[...])
        return (statistic, Distributions.chiSquaredSurvival(statistic, degrees: Double(counts.keys.count - 1)))
    }

    /// Evidently's two-proportion Z-test on the share of rows that are not the smallest value, two-sided; the
    /// p-value is 1 when both sides hold the same single value.
    static func zTest(_ counts: AlignedCounts) -> (statistic: Double, pValue: Double) {
        let referenceValues = counts.reference.filter { $0 > 0 }.count
        let currentValues = counts.current.filter { $0 > 0 }.count
        if counts.keys.count == 1, referenceValues == 1, currentValues == 1 { return (0, 1) }
        let n1 = counts.referenceTotal
        let n2 = counts.currentTotal
        let p1 = (n1 - counts.reference[0]) / n1
        let p2 = (n2 - counts.current[0]) / n2
        let pooled = (p1 * n1 + p2 * n2) / (n1 + n2)
        let z = (p1 - p2) / (pooled * (1 - pooled) * (1 / n1 + 1 / n2)).squareRoot()
        return (z, 2 * (1 - Distributions.normalCDF(abs(z))))
    }
}
