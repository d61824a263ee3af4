import CairnCore

/// Permutation importance (Breiman, 2001): how much a predictor's held-out score drops when one feature's values
/// are shuffled across rows, breaking its link with the target. Works for any ``Predictor``.
public enum PermutationImportance {
    /// The importances of every feature.
    public struct Report: Sendable, Equatable {
        /// The score: `auc` for binary tasks, `accuracy` for multiclass ones, `r2` for regression (higher is better).
        public let metric: String
        /// The score on the unshuffled rows.
        public let baseline: Double
        /// The features, in the predictor's order.
        public let featureNames: [String]
        /// Per feature, the mean drop of the score over the repeats.
        public let meanDecrease: [Double]
        /// Per feature, the standard deviation of the drop over the repeats.
        public let standardDeviation: [Double]
    }

    /// Shuffles each feature `repeats` times and measures the score's drop.
    /// - Throws: as ``Evaluation/evaluate(_:on:target:)``; `invalid_argument` when `repeats` is below 1 or the
    ///   table has fewer than two rows.
    public static func compute(
        _ predictor: some Predictor, on table: Table, target: String, repeats: Int = 5, seed: UInt64 = 0
    ) throws -> Report {
        guard repeats >= 1 else { throw CairnError.invalid("repeats must be at least 1") }
        guard table.rowCount >= 2 else { throw CairnError.invalid("permutation importance needs at least two rows") }
        let metric = switch predictor.task {
        case .binary: "auc"
        case .multiclass: "accuracy"
        case .regression: "r2"
        }
        let score = { @Sendable (rows: Table) throws -> Double in try Evaluation.evaluate(predictor, on: rows, target: target)[metric]! }
        let baseline = try score(table)
        let names = predictor.featureNames
        let columns = try names.map { try table.column(named: $0) }
        let drops = try Parallel.map(names.count) { f in
            Swift.Result<[Double], Error> {
                var random = SeededGenerator(seed: seed &+ UInt64(f) &* 0x9E37_79B9)
                return try (0..<repeats).map { _ in
                    let order = Array(0..<table.rowCount).shuffled(using: &random)
                    return baseline - (try score(try table.setting(columns[f].selecting(order))))
                }
            }
        }.map { try $0.get() }
        let means = drops.map { $0.reduce(0, +) / Double(repeats) }
        let deviations = zip(drops, means).map { values, mean in
            (values.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(repeats)).squareRoot()
        }
        return Report(metric: metric, baseline: baseline, featureNames: names, meanDecrease: means, standardDeviation: deviations)
    }
}
