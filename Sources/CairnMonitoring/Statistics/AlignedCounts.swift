/// Reference and current counts over the union of the values seen on either side, in ascending key order:
/// the buckets of Evidently's chi-squared, Z-test, and (for few distinct values) PSI and Jensen–Shannon.
struct AlignedCounts: Sendable {
    /// The values, ascending.
    let keys: [CategoryKey]
    let reference: [Double]
    let current: [Double]
    let referenceTotal: Double
    let currentTotal: Double

    /// Buckets over the categories of both sides.
    init(_ reference: CategoryCounts, _ current: CategoryCounts) {
        keys = Set(reference.counts.keys).union(current.counts.keys).sorted()
        self.reference = keys.map { reference.counts[$0] ?? 0 }
        self.current = keys.map { current.counts[$0] ?? 0 }
        referenceTotal = reference.total
        currentTotal = current.total
    }

    /// Buckets over the distinct values of two numeric samples.
    init(_ reference: NumericSample, _ current: NumericSample) {
        var keys: [CategoryKey] = []
        var ref: [Double] = []
        var cur: [Double] = []
        var i = 0
        var j = 0
        while i < reference.values.count || j < current.values.count {
            let a = i < reference.values.count ? reference.values[i] : .infinity
            let b = j < current.values.count ? current.values[j] : .infinity
            let value = min(a, b)
            keys.append(.number(value))
            ref.append(a == value ? reference.counts[i] : 0)
            cur.append(b == value ? current.counts[j] : 0)
            if a == value { i += 1 }
            if b == value { j += 1 }
        }
        self.keys = keys
        self.reference = ref
        self.current = cur
        referenceTotal = reference.total
        currentTotal = current.total
    }
}
