/// A candidate split of one leaf on one feature.
struct SplitCandidate: Sendable {
    var feature: Int
    var gain: Double
    /// Numeric splits: the last bin sent left.
    var thresholdBin: Int
    /// Categorical splits: the bins sent left; empty for numeric splits.
    var leftBins: [Int]
    var defaultLeft: Bool
    var left: GradientStats
    var right: GradientStats
    /// The L2 penalty added to the children's values: `catL2` after a many-vs-many categorical split, as in LightGBM.
    var extraL2 = 0.0

    /// Which bins go left, for a feature whose missing bin is `missingBin`: bin `b` does when element `b` (of 256) is 1.
    func route(missingBin: Int) -> [UInt8] {
        var goesLeft = [UInt8](repeating: 0, count: 256)
        if leftBins.isEmpty {
            for b in 0...thresholdBin { goesLeft[b] = 1 }
            goesLeft[missingBin] = defaultLeft ? 1 : 0
        } else {
            for b in leftBins { goesLeft[b] = 1 }
        }
        return goesLeft
    }
}

/// Finds the best split of a leaf's histogram on one feature, LightGBM style: numeric bins scanned in order with
/// missing values tried on each side, categories sorted by gradient ratio and scanned from both ends.
struct SplitFinder: Sendable {
    let parameters: GradientBoostingParameters
    let regularization: LeafRegularization

    /// The best split of a leaf with sums `total` on feature `feature`, whose sums per bin are `totals`, or `nil`
    /// when none meets the constraints. With `randomThreshold` (extremely randomized trees), a numeric feature is
    /// cut at one bin boundary drawn uniformly between the leaf's smallest and largest values instead of the best one.
    func best(
        feature: Int, mapper: BinMapper, totals: BinTotals, total: GradientStats, randomThreshold: inout SeededGenerator?
    ) -> SplitCandidate? {
        let parent = regularization.score(total)
        if mapper.isCategorical { return categorical(feature, mapper, totals, total, parent) }
        // The last value bin has an infinite upper bound: a cut there would send every value left.
        var lastCut = mapper.missingBin - 2
        var firstCut = 0
        if randomThreshold != nil {
            let present = totals.nonEmptyBins
            guard let low = present.first, let high = present.last, low < high else { return nil }
            firstCut = Int.random(in: low..<high, using: &randomThreshold!)
            lastCut = firstCut
        }
        guard firstCut <= lastCut else { return nil }
        return numeric(feature, totals, total, parent, cuts: firstCut...lastCut)
    }

    private func allowed(_ s: GradientStats) -> Bool {
        s.count >= Double(parameters.minDataInLeaf) && s.hessian >= parameters.minSumHessianInLeaf
    }

    /// The best numeric split whose last bin sent left is in `cuts`. A cut is tried at each non-empty bin of
    /// `cuts`, and at its first bin when a non-empty bin lies at or before it.
    private func numeric(
        _ feature: Int, _ totals: BinTotals, _ total: GradientStats, _ parent: Double, cuts: ClosedRange<Int>
    ) -> SplitCandidate? {
        // The best cut so far: its gain, last bin sent left, side of the missing values, and left sums.
        var best: (gain: Double, bin: Int, missingLeft: Bool, left: GradientStats)?
        // A cut must gain more than this: `minGainToSplit`, zero, and the best cut so far.
        var threshold = max(parameters.minGainToSplit, 0)
        let missing = totals.missing
        let (minCount, minHessian) = (Double(parameters.minDataInLeaf), parameters.minSumHessianInLeaf)
        totals.withValueBins { bins in
            let lastCut = min(cuts.upperBound, bins.count / 3 - 1)
            guard cuts.lowerBound <= lastCut else { return }
            for missingLeft in [false, true] where !missingLeft || missing.count > 0 {
                // The left side's sums, in scalars the loop keeps in registers.
                var (gradient, hessian, count) = missingLeft ? (missing.gradient, missing.hessian, missing.count) : (0, 0, 0)
                var seen = false
                for bin in 0...lastCut {
                    let k = bin &* 3
                    if bins[k &+ 2] > 0 {
                        gradient += bins[k]
                        hessian += bins[k &+ 1]
                        count += bins[k &+ 2]
                        seen = true
                    } else if bin != cuts.lowerBound {
                        continue
                    }
                    if bin < cuts.lowerBound || !seen { continue }
                    let right = (gradient: total.gradient - gradient, hessian: total.hessian - hessian, count: total.count - count)
                    // Counts are exact and only fall on the right as the cut moves right: once too few, always so.
                    if right.count < minCount { break }
                    guard count >= minCount, hessian >= minHessian, right.hessian >= minHessian else { continue }
                    let gain =
                        regularization.scoreSum(gradient: SIMD2(gradient, right.gradient), hessian: SIMD2(hessian, right.hessian)) - parent
                    if gain > threshold {
                        threshold = gain
                        best = (gain, bin, missingLeft, GradientStats(gradient: gradient, hessian: hessian, count: count))
                    }
                }
            }
        }
        return best.map { best in
            SplitCandidate(
                feature: feature, gain: best.gain, thresholdBin: best.bin, leftBins: [], defaultLeft: best.missingLeft,
                left: best.left, right: total - best.left)
        }
    }

    private func categorical(
        _ feature: Int, _ mapper: BinMapper, _ totals: BinTotals, _ total: GradientStats, _ parent: Double
    ) -> SplitCandidate? {
        if mapper.categoryOfBin.count <= parameters.maxCatToOnehot { return oneVsRest(feature, totals, total, parent) }
        let present = totals.nonEmptyBins.filter { totals.stats($0).count >= Double(parameters.minDataPerGroup) }
        let ratio = { (bin: Int) -> Double in totals.stats(bin).gradient / (totals.stats(bin).hessian + parameters.catSmooth) }
        let sorted = present.sorted { ratio($0) < ratio($1) }
        let limit = min(parameters.maxCatThreshold, (sorted.count + 1) / 2)
        let extra = parameters.catL2
        var best: SplitCandidate?
        for order in [sorted, sorted.reversed()] where sorted.count > 1 {
            var left = GradientStats()
            for (k, bin) in order.prefix(limit).enumerated() {
                left = left + totals.stats(bin)
                let right = total - left
                guard allowed(left), allowed(right) else { continue }
                let gain = regularization.score(left, extraL2: extra) + regularization.score(right, extraL2: extra) - parent
                if gain > parameters.minGainToSplit, gain > (best?.gain ?? 0) {
                    best = SplitCandidate(
                        feature: feature, gain: gain, thresholdBin: -1, leftBins: Array(order[0...k]), defaultLeft: false,
                        left: left, right: right, extraL2: extra)
                }
            }
        }
        return best
    }

    /// The best split of a feature with few categories: one category left, the rest (and missing values) right.
    private func oneVsRest(_ feature: Int, _ totals: BinTotals, _ total: GradientStats, _ parent: Double) -> SplitCandidate? {
        var best: SplitCandidate?
        for bin in totals.nonEmptyBins {
            let left = totals.stats(bin)
            let right = total - left
            guard allowed(left), allowed(right) else { continue }
            let gain = regularization.score(left) + regularization.score(right) - parent
            if gain > parameters.minGainToSplit, gain > (best?.gain ?? 0) {
                best = SplitCandidate(
                    feature: feature, gain: gain, thresholdBin: -1, leftBins: [bin], defaultLeft: false, left: left, right: right)
            }
        }
        return best
    }
}
