import CairnML

/// How drift tests treat a column, inferred the way Evidently 0.7 infers it (`core/datasets.py:infer_column_type`).
public enum ColumnType: String, Sendable, Codable, CaseIterable {
    /// Numbers compared as a distribution (KS, Wasserstein, binned tests).
    case numerical
    /// Values compared by their frequencies (chi-squared, Z-test, Jensen–Shannon).
    case categorical
    /// Free text: more distinct values than half the present ones. Evidently runs a domain classifier on it;
    /// Cairn does not test it.
    case text
    /// Neither numbers nor categories (for example an all-missing text column); never tested.
    case unknown

    /// Integer columns with at most this many distinct values are categorical (`INTEGER_CARDINALITY_LIMIT`).
    public static let integerCardinalityLimit = 10

    /// The type Evidently infers for the pandas column that `pandas.read_csv` would make of the same file.
    ///
    /// Numbers are numerical. Integers without missing values are categorical up to
    /// ``integerCardinalityLimit`` distinct values (pandas reads integers with missing values as floats, so
    /// those are numerical). Booleans are categorical; with a missing value pandas holds them as objects that
    /// are not text, which Evidently calls unknown. Text is ``text`` when its distinct values outnumber half its
    /// present values, otherwise categorical; an all-missing text column is unknown.
    public static func infer(_ column: Column) -> ColumnType {
        switch column.values {
        case .double:
            return .numerical
        case .int(let values):
            if values.contains(where: { $0 == nil }) { return .numerical }
            return Set(values).count <= integerCardinalityLimit ? .categorical : .numerical
        case .bool(let values):
            return values.contains(where: { $0 == nil }) ? .unknown : .categorical
        case .categorical(let codes, let levels):
            var present = 0
            var distinct = 0
            var seen = [Bool](repeating: false, count: levels.count)
            for code in codes where code >= 0 {
                present += 1
                if !seen[Int(code)] {
                    seen[Int(code)] = true
                    distinct += 1
                }
            }
            if present == 0 { return .unknown }
            return Double(distinct) > Double(present) * 0.5 ? .text : .categorical
        }
    }
}
