/// The column statistics preprocessing and learners fit, computed one way everywhere.
enum ColumnStatistics {
    /// The mean of `values` (not empty).
    static func mean(_ values: [Double]) -> Double { values.reduce(0, +) / Double(values.count) }

    /// The median of `values` (not empty): the mean of the two middle values for an even count.
    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The median as LightGBM takes it (boosting's absolute-error objective): with `n` values sorted in descending
    /// order and `k = n / 2` (rounded down), the `k`-th largest for even `n`, and midway between the `k`-th and
    /// `k+1`-th largest for odd `n` (`n > 1`); the value itself for one value, 0 for none.
    static func lightGBMMedian(_ values: ArraySlice<Double>) -> Double {
        guard values.count > 1 else { return values.first ?? 0 }
        let descending = values.sorted(by: >)
        let position = Double(descending.count) / 2
        let k = Int(position)
        let bias = position - Double(k)
        return descending[k - 1] - (descending[k - 1] - descending[k]) * bias
    }

    /// The mean and the population standard deviation of the present (non-`NaN`) values, the deviation
    /// replaced by 1 when it is zero, as scikit-learn's `StandardScaler` does; `(0, 1)` when none is present.
    static func meanAndScale(_ column: [Double]) -> (mean: Double, scale: Double) {
        let present = column.filter { !$0.isNaN }
        guard !present.isEmpty else { return (0, 1) }
        let mean = mean(present)
        let variance = present.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(present.count)
        return (mean, variance > 0 ? variance.squareRoot() : 1)
    }
}
