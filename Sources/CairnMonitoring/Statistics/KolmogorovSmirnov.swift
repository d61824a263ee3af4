/// The two-sample Kolmogorov–Smirnov test as `scipy.stats.ks_2samp(ref, cur)` computes it (two-sided,
/// `method='auto'`): the exact p-value when neither sample has more than 10,000 rows, the asymptotic
/// (`kstwo`) one otherwise.
enum KolmogorovSmirnov {
    /// Samples up to this size get the exact p-value (scipy's `MAX_AUTO_N`).
    static let maxExactSize = 10_000.0

    /// The statistic D and its p-value; `nil` when a sample is empty.
    static func test(_ a: NumericSample, _ b: NumericSample) -> (statistic: Double, pValue: Double)? {
        guard !a.isEmpty, !b.isEmpty else { return nil }
        var d = statistic(a, b)
        let n1 = a.total
        let n2 = b.total
        if max(n1, n2) <= maxExactSize, a.isExact, b.isExact {
            let (m, n) = (Int(n1), Int(n2))
            let g = gcd(m, n)
            let lcm = Double(m / g) * n2
            let h = Int((d * lcm).rounded(.toNearestOrEven))
            d = Double(h) / lcm
            if h == 0 { return (d, 1) }
            let p = m == n ? probabilityOutsideSquare(n: m, h: h) : outerProbabilityInside(m: m, n: n, g: g, h: h)
            if p.isFinite, p >= 0, p <= 1 { return (d, p) }
        }
        let (large, small) = n1 >= n2 ? (n1, n2) : (n2, n1)
        let en = (large * small / (large + small)).rounded(.toNearestOrEven)
        return (d, min(max(Kolmogorov.survival(n: Int(en), x: d), 0), 1))
    }

    /// D = sup |F_a − F_b| over every sample value, with the empirical CDFs as scipy computes them.
    static func statistic(_ a: NumericSample, _ b: NumericSample) -> Double {
        let ca = a.cumulativeCounts()
        let cb = b.cumulativeCounts()
        var i = 0
        var j = 0
        var maxDiff = -Double.infinity
        var minDiff = Double.infinity
        while i < a.values.count || j < b.values.count {
            let x = min(i < a.values.count ? a.values[i] : .infinity, j < b.values.count ? b.values[j] : .infinity)
            if i < a.values.count, a.values[i] == x { i += 1 }
            if j < b.values.count, b.values[j] == x { j += 1 }
            let diff = (i == 0 ? 0 : ca[i - 1]) / a.total - (j == 0 ? 0 : cb[j - 1]) / b.total
            maxDiff = max(maxDiff, diff)
            minDiff = min(minDiff, diff)
        }
        let minS = min(max(-minDiff, 0), 1)
        return minS > maxDiff ? minS : maxDiff
    }

    /// P(D ≥ h/n) for two samples of equal size n (scipy's `_compute_prob_outside_square`).
    static func probabilityOutsideSquare(n: Int, h: Int) -> Double {
        var p = 0.0
        var k = n / h
        while k >= 0 {
            var p1 = 1.0
            for j in 0..<h { p1 = Double(n - k * h - j) * p1 / Double(n + k * h + j + 1) }
            p = p1 * (1 - p)
            k -= 1
        }
        return 2 * p
    }

    /// The share of lattice paths that leave the band |x/m − y/n| < h/lcm(m, n) (scipy's
    /// `_compute_outer_prob_inside_method`, Hodges' inside method with Viehmann's recursion for 1 − p).
    static func outerProbabilityInside(m: Int, n: Int, g: Int, h: Int) -> Double {
        let (m, n) = m < n ? (n, m) : (m, n)
        let mg = m / g
        let ng = n / g
        var minj = 0
        var maxj = min(Int((Double(h) / Double(mg)).rounded(.up)), n + 1)
        var curlen = maxj - minj
        let lenA = min(2 * maxj + 2, n + 1)
        var a = [Double](repeating: 1, count: lenA)
        for k in minj..<maxj { a[k] = 0 }
        for i in 1...m {
            let lastminj = minj
            let lastlen = curlen
            minj = max(Int((Double(ng * i - h) / Double(mg)).rounded(.down)) + 1, 0)
            minj = min(minj, n)
            maxj = min(Int((Double(ng * i + h) / Double(mg)).rounded(.up)), n + 1)
            if maxj <= minj { return 1 }
            var value = minj == 0 ? 0.0 : 1.0
            for jj in 0..<(maxj - minj) {
                let j = jj + minj
                value = (a[jj + minj - lastminj] * Double(i) + value * Double(j)) / Double(i + j)
                a[jj] = value
            }
            curlen = maxj - minj
            if lastlen > curlen {
                for k in (maxj - minj)..<min(maxj - minj + lastlen - curlen, a.count) { a[k] = 1 }
            }
        }
        return a[maxj - minj - 1]
    }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
