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
}

/// Finds the best split of a leaf's histogram on one feature, LightGBM style: numeric bins scanned in order with
/// missing values tried on each side, categories sorted by gradient ratio and scanned from both ends.
struct SplitFinder: Sendable {
    let parameters: GradientBoostingParameters
    let regularization: LeafRegularization

    /// The best split of a leaf with sums `total` on feature `feature`, or `nil` when none meets the constraints.
    func best(feature: Int, mapper: BinMapper, histogram: Histogram, offset: Int, total: GradientStats) -> SplitCandidate? {
        let parent = regularization.score(total)
        return mapper.isCategorical
            ? categorical(feature, mapper, histogram, offset, total, parent)
            : numeric(feature, mapper, histogram, offset, total, parent)
    }

    private func allowed(_ s: GradientStats) -> Bool {
        s.count >= Double(parameters.minDataInLeaf) && s.hessian >= parameters.minSumHessianInLeaf
    }

    private func numeric(
        _ feature: Int, _ mapper: BinMapper, _ histogram: Histogram, _ offset: Int, _ total: GradientStats, _ parent: Double
    ) -> SplitCandidate? {
        let missing = histogram.stats(offset: offset, bin: mapper.missingBin)
        var best: SplitCandidate?
        for missingLeft in missing.count > 0 ? [false, true] : [false] {
            var left = missingLeft ? missing : GradientStats()
            for bin in 0..<max(0, mapper.missingBin - 1) {
                left = left + histogram.stats(offset: offset, bin: bin)
                let right = total - left
                guard allowed(left), allowed(right) else { continue }
                let gain = regularization.score(left) + regularization.score(right) - parent
                if gain > parameters.minGainToSplit, gain > (best?.gain ?? 0) {
                    best = SplitCandidate(
                        feature: feature, gain: gain, thresholdBin: bin, leftBins: [], defaultLeft: missingLeft,
                        left: left, right: right)
                }
            }
        }
        return best
    }

    private func categorical(
        _ feature: Int, _ mapper: BinMapper, _ histogram: Histogram, _ offset: Int, _ total: GradientStats, _ parent: Double
    ) -> SplitCandidate? {
        let bins = (0..<mapper.missingBin).filter {
            histogram.stats(offset: offset, bin: $0).count >= Double(parameters.minDataPerGroup)
        }
        let ratio = { (b: Int) -> Double in
            let s = histogram.stats(offset: offset, bin: b)
            return s.gradient / (s.hessian + parameters.catSmooth)
        }
        let sorted = bins.sorted { ratio($0) < ratio($1) }
        let limit = min(parameters.maxCatThreshold, (sorted.count + 1) / 2)
        var best: SplitCandidate?
        for order in [sorted, sorted.reversed()] where sorted.count > 1 {
            var left = GradientStats()
            for (k, bin) in order.prefix(limit).enumerated() {
                left = left + histogram.stats(offset: offset, bin: bin)
                let right = total - left
                guard allowed(left), allowed(right) else { continue }
                let extra = parameters.catL2
                let gain = regularization.score(left, extraL2: extra) + regularization.score(right, extraL2: extra) - parent
                if gain > parameters.minGainToSplit, gain > (best?.gain ?? 0) {
                    best = SplitCandidate(
                        feature: feature, gain: gain, thresholdBin: -1, leftBins: Array(order[0...k]), defaultLeft: false,
                        left: left, right: right)
                }
            }
        }
        return best
    }
}
