/// Runs the drift test of one column the way Evidently's `get_one_column_drift` does.
enum ColumnDriftTest {
    /// Tests `current` against `reference` as a column of `type`.
    ///
    /// Both samples have already dropped NaN and ±infinity. The test is the one named, or the automatic choice
    /// from the reference size and the distinct values of both sides.
    static func run(
        column: String, type: ColumnType, reference: ColumnSample, current: ColumnSample,
        method named: DriftMethod?, threshold: Double?
    ) -> ColumnDrift {
        guard type == .numerical || type == .categorical else {
            let reason = type == .text
                ? "text column (more distinct values than half its rows): text drift is not tested"
                : "column type unknown: no drift test applies"
            return .skipped(column, type: type, reason: reason)
        }
        if reference.count == 0 { return .skipped(column, type: type, reason: "no present values in the reference data") }
        if current.count == 0 { return .skipped(column, type: type, reason: "no present values in the current data") }
        if let named, !named.accepts(type) {
            return .skipped(column, type: type, reason: "test \(named.rawValue) does not apply to a \(type.rawValue) column")
        }
        switch type {
        case .numerical:
            guard let ref = reference.numbers else {
                return .skipped(column, type: type, reason: "the reference holds text where the current data holds numbers")
            }
            guard let cur = current.numbers else {
                return .skipped(column, type: type, reason: "the current data holds text where the reference holds numbers")
            }
            let method = named ?? DriftMethod.automatic(
                type: type, referenceCount: ref.total, distinctValues: distinctValues(ref, cur))
            return numeric(column, method, ref, cur, threshold ?? method.defaultThreshold)
        default:
            guard let ref = reference.categories, let cur = current.categories else {
                return .skipped(column, type: type, reason: "a compressed numeric profile cannot be compared as categories")
            }
            let counts = AlignedCounts(ref, cur)
            let method = named ?? DriftMethod.automatic(
                type: type, referenceCount: ref.total, distinctValues: counts.keys.count)
            return frequency(column, type, method, { counts }, { BinnedShares(counts) },
                             threshold ?? method.defaultThreshold, approximate: false)
        }
    }

    /// The number of distinct values of both samples together, or a lower bound of it above 5: the automatic
    /// choice only compares it with 2 and 5, so a side with more than 5 distinct values (or a compressed side)
    /// decides without merging.
    private static func distinctValues(_ a: NumericSample, _ b: NumericSample) -> Int {
        let larger = max(a.distinctCount, b.distinctCount)
        guard larger <= 5, a.isExact, b.isExact else { return larger }
        return Set(a.values).union(b.values).count
    }

    private static func numeric(
        _ column: String, _ method: DriftMethod, _ ref: NumericSample, _ cur: NumericSample, _ threshold: Double
    ) -> ColumnDrift {
        let approximate = !ref.isExact || !cur.isExact
        switch method {
        case .ks:
            guard let (d, p) = KolmogorovSmirnov.test(ref, cur) else {
                return .skipped(column, type: .numerical, reason: "empty sample")
            }
            return result(column, .numerical, method, statistic: d, pValue: p, threshold: threshold, approximate: approximate)
        case .wasserstein:
            let score = DistanceStatistics.normedWasserstein(ref, cur)
            return result(column, .numerical, method, statistic: score, pValue: nil, threshold: threshold,
                          approximate: approximate)
        case .jensenshannon, .psi, .chisquare, .z:
            return frequency(column, .numerical, method, { AlignedCounts(ref, cur) }, { BinnedShares(ref, cur) },
                             threshold, approximate: approximate)
        }
    }

    private static func frequency(
        _ column: String, _ type: ColumnType, _ method: DriftMethod, _ counts: () -> AlignedCounts,
        _ shares: () -> BinnedShares, _ threshold: Double, approximate: Bool
    ) -> ColumnDrift {
        switch method {
        case .chisquare:
            let (statistic, p) = PValueStatistics.chiSquared(counts())
            return result(column, type, method, statistic: statistic, pValue: p, threshold: threshold, approximate: approximate)
        case .z:
            let (statistic, p) = PValueStatistics.zTest(counts())
            return result(column, type, method, statistic: statistic, pValue: p, threshold: threshold, approximate: approximate)
        case .psi:
            let score = DistanceStatistics.populationStabilityIndex(shares())
            return result(column, type, method, statistic: score, pValue: nil, threshold: threshold, approximate: approximate)
        default:
            let score = DistanceStatistics.jensenShannon(shares())
            return result(column, type, method, statistic: score, pValue: nil, threshold: threshold, approximate: approximate)
        }
    }

    private static func result(
        _ column: String, _ type: ColumnType, _ method: DriftMethod, statistic: Double, pValue: Double?,
        threshold: Double, approximate: Bool
    ) -> ColumnDrift {
        let score = pValue ?? statistic
        return ColumnDrift(column: column, type: type, method: method, statistic: statistic, pValue: pValue, score: score,
                           threshold: threshold, drifted: method.isDrift(score: score, threshold: threshold),
                           skipReason: nil, approximate: approximate)
    }
}
