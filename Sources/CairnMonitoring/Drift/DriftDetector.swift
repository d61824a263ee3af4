import CairnCore
import CairnML

/// Compares current data with reference data column by column, as Evidently 0.7's `DataDriftPreset` does.
public enum DriftDetector {
    /// Tests every column of `current` (or the columns the options name) against the reference samples.
    ///
    /// Column types are inferred from the current data, as Evidently takes its data definition from the current
    /// dataset. A column the reference lacks, a text or unknown column, or a column with no present values on
    /// one side is reported as skipped with the reason, and counts neither as drifted nor as tested; so is a
    /// reference column absent from the current data (listed last, when no columns are named).
    /// - Parameters:
    ///   - reference: the reference's present values per column (from a table or a stored profile).
    ///   - current: the current data.
    ///   - options: tests, thresholds and the drift share.
    /// - Returns: one result per column and the dataset verdict.
    /// - Throws: `invalid_argument` when the current data has no rows or a named column is not in it.
    public static func run(reference: [String: ColumnSample], current: Table, options: DriftOptions = DriftOptions())
        throws -> DriftReport
    {
        guard current.rowCount > 0 else { throw CairnError.invalid("the current data has no rows") }
        let names = options.columns ?? current.columnNames
        for name in names where current[name] == nil {
            throw CairnError.invalid("column '\(name)' is not in the current data")
        }
        let results = Parallel.map(names.count) { index -> ColumnDrift in
            let name = names[index]
            let column = current[name]!
            let type = ColumnType.infer(column)
            guard let ref = reference[name] else {
                return .skipped(name, type: type, reason: "column missing from the reference data")
            }
            return ColumnDriftTest.run(
                column: name, type: type, reference: ref, current: ColumnSample(column, moments: false),
                method: options.perColumnMethod[name] ?? options.method,
                threshold: options.perColumnThreshold[name] ?? options.threshold)
        }
        let absent = options.columns == nil ? reference.keys.filter { current[$0] == nil }.sorted() : []
        let missing = absent.map { ColumnDrift.skipped($0, type: .unknown, reason: "column missing from the current data") }
        return DriftReport(columns: results + missing, driftShare: options.driftShare)
    }

    /// Tests `current` against a reference table.
    /// - Throws: `invalid_argument` when either table has no rows or a named column is not in the current data.
    public static func run(reference: Table, current: Table, options: DriftOptions = DriftOptions()) throws -> DriftReport {
        guard reference.rowCount > 0 else { throw CairnError.invalid("the reference data has no rows") }
        let names = options.columns.map(Set.init)
        let columns = reference.columns.filter { names?.contains($0.name) ?? true }
        let samples = Parallel.map(columns.count) { ColumnSample(columns[$0]) }
        return try run(reference: Dictionary(uniqueKeysWithValues: zip(columns.map(\.name), samples)), current: current, options: options)
    }
}

extension DriftDetector {
    /// Tests `current` against a stored reference profile.
    /// - Throws: `invalid_argument` when the current data has no rows or a named column is not in it.
    public static func run(profile: ReferenceProfile, current: Table, options: DriftOptions = DriftOptions()) throws
        -> DriftReport
    {
        try run(reference: profile.samples, current: current, options: options)
    }
}
