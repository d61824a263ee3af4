import Foundation

/// Regression metrics with scikit-learn's definitions.
public enum RegressionMetrics {
    /// The root of the mean squared error (`root_mean_squared_error`).
    /// - Throws: `invalid_argument` for mismatched or empty inputs or non-finite values.
    public static func rmse(targets: [Double], predictions: [Double]) throws -> Double {
        try check(targets, predictions)
        return sqrt(ColumnStatistics.mean(zip(targets, predictions).map { ($0 - $1) * ($0 - $1) }))
    }

    /// The mean absolute error (`mean_absolute_error`).
    /// - Throws: `invalid_argument` for mismatched or empty inputs or non-finite values.
    public static func mae(targets: [Double], predictions: [Double]) throws -> Double {
        try check(targets, predictions)
        return ColumnStatistics.mean(zip(targets, predictions).map { abs($0 - $1) })
    }

    /// The coefficient of determination (`r2_score`); for a constant target, 1 when predictions are exact and 0
    /// otherwise, as scikit-learn's `force_finite` does.
    /// - Throws: `invalid_argument` for mismatched or empty inputs or non-finite values.
    public static func r2(targets: [Double], predictions: [Double]) throws -> Double {
        try check(targets, predictions)
        let average = ColumnStatistics.mean(targets)
        let residual = zip(targets, predictions).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
        let total = targets.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        if total == 0 { return residual == 0 ? 1 : 0 }
        return 1 - residual / total
    }

    /// The mean absolute percentage error as a fraction (`mean_absolute_percentage_error`): each error is divided
    /// by `max(|target|, ε)` with ε the `Double` epsilon.
    /// - Throws: `invalid_argument` for mismatched or empty inputs or non-finite values.
    public static func mape(targets: [Double], predictions: [Double]) throws -> Double {
        try check(targets, predictions)
        return ColumnStatistics.mean(zip(targets, predictions).map { abs($1 - $0) / max(abs($0), .ulpOfOne) })
    }

    private static func check(_ targets: [Double], _ predictions: [Double]) throws {
        try MetricInput.checkPaired(targets.count, predictions.count)
        try MetricInput.checkFinite(targets, "targets")
        try MetricInput.checkFinite(predictions, "predictions")
    }
}
