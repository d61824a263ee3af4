/// How a forest randomizes each split: the number of features drawn at each split, and whether numeric
/// thresholds are drawn at random (extremely randomized trees) rather than optimized.
struct SplitSampling: Sendable {
    /// The features each split chooses among; `nil` means all the tree may use.
    var featuresPerSplit: Int?
    /// Whether each candidate feature is cut at a random threshold.
    var randomThresholds = false

    /// Every feature, best thresholds: boosting's splits.
    static let none = SplitSampling(featuresPerSplit: nil)
}

/// Grows one regression tree on gradients, leaf-wise: each step splits the leaf whose best split lowers the loss
/// most, until `numLeaves` leaves or no split pays.
struct TreeGrower: Sendable {
    let data: BinnedData
    let parameters: GradientBoostingParameters
    var sampling = SplitSampling.none
    /// The team that shares each leaf's histogram and split scans; without one, only large leaves' histograms and
    /// scans of many bins are concurrent.
    var workers: WorkerTeam?
    /// The buffers of the histograms of leaves done with, for the next leaves' histograms.
    let histograms = HistogramPool()

    private var regularization: LeafRegularization {
        LeafRegularization(l1: parameters.lambdaL1, l2: parameters.lambdaL2, maxOutput: parameters.maxDeltaStep ?? 0)
    }

    /// One leaf under construction: its rows are `order[begin..<begin+count]`.
    private struct Leaf {
        var begin: Int
        var count: Int
        var stats: GradientStats
        var depth: Int
        /// The extra L2 penalty on the leaf's value (see ``SplitCandidate/extraL2``).
        var extraL2 = 0.0
        /// The leaf's dense histogram; `nil` for a leaf small enough to sum from its rows directly.
        var histogram: Histogram?
        var best: SplitCandidate?
        /// The internal node that points at this leaf, and on which side; `nil` for the root.
        var parent: (node: Int, isLeft: Bool)?
    }

    /// Grows a tree on `rows` (which may repeat) using only `features`; leaf values are scaled by `shrinkage`.
    /// `seed` drives the split sampling, if any. `leafValue`, when given, computes each leaf's value from its rows
    /// in place of the Newton step.
    func grow(
        rows: [Int32], gradients: [Double], hessians: [Double], features: [Int], shrinkage: Double, seed: UInt64 = 0,
        leafValue: ((ArraySlice<Int32>) -> Double)? = nil
    ) -> GrownTree {
        var random = SeededGenerator(seed: seed)
        var order = rows
        var scratch = [Int32](repeating: 0, count: rows.count)
        let rootStats = rows.reduce(into: GradientStats()) { s, r in
            s = s + GradientStats(gradient: gradients[Int(r)], hessian: hessians[Int(r)], count: 1)
        }
        var tree = DecisionTree(leafValue: 0, cover: rootStats.count)
        var leaves = [Leaf(begin: 0, count: rows.count, stats: rootStats, depth: 0, histogram: nil, parent: nil)]
        if mayBeSplit(leaves[0]) { leaves[0].histogram = denseHistogram(order[...], gradients, hessians, features) }
        leaves[0].best = bestSplits([leaves[0]], order, gradients, hessians, features, &random)[0]
        // Leaves that may still be split. When the leaf count is bounded, the one whose split gains most goes
        // first; when it is not, every such leaf is split in the end, so the most recent goes first and few
        // histograms are alive at once.
        var splittable = leaves[0].best == nil ? [] : [0]
        var routes: [UInt8] = []

        while leaves.count < parameters.numLeaves, !splittable.isEmpty {
            let pick =
                parameters.numLeaves == Int.max
                ? splittable.count - 1
                : splittable.indices.max { (leaves[splittable[$0]].best!.gain, -splittable[$0]) < (leaves[splittable[$1]].best!.gain, -splittable[$1]) }!
            let index = splittable.remove(at: pick)
            // The parent's histogram becomes its larger child's: taken out of the leaf so it is not copied.
            var parentHistogram = leaves[index].histogram.take()
            let leaf = leaves[index]
            let split = leaf.best!
            let node = tree.nodeCount
            appendNode(&tree, split, cover: leaf.stats.count, leftLeaf: index, rightLeaf: leaves.count)
            if let parent = leaf.parent {
                if parent.isLeft { tree.leftChild[parent.node] = node } else { tree.rightChild[parent.node] = node }
            }
            let route = split.route(missingBin: data.mappers[split.feature].missingBin)
            routes += route
            let leftCount = partition(&order, leaf.begin, leaf.count, feature: split.feature, route: route, scratch: &scratch)
            var left = Leaf(
                begin: leaf.begin, count: leftCount, stats: split.left, depth: leaf.depth + 1, histogram: nil,
                parent: (node, true))
            var right = Leaf(
                begin: leaf.begin + leftCount, count: leaf.count - leftCount, stats: split.right, depth: leaf.depth + 1,
                histogram: nil, parent: (node, false))
            if var largeHistogram = parentHistogram, max(left.count, right.count) > Self.sparseLeafRows {
                // The smaller child's histogram is summed; the larger one's is the parent's minus it.
                parentHistogram = nil
                let smallerIsLeft = left.count <= right.count
                let small = smallerIsLeft ? left : right
                let smallHistogram = Histogram(
                    data: data, rows: order[small.begin..<(small.begin + small.count)], gradients: gradients,
                    hessians: hessians, features: features, workers: workers, pool: histograms)
                largeHistogram.subtract(smallHistogram)
                left.histogram = smallerIsLeft ? smallHistogram : largeHistogram
                right.histogram = smallerIsLeft ? largeHistogram : smallHistogram
            }
            // Still here when both children are small enough to be summed from their rows: no longer needed.
            histograms.recycle(parentHistogram.take())
            let bests = bestSplits([left, right], order, gradients, hessians, features, &random)
            left.best = bests[0]
            right.best = bests[1]
            left.extraL2 = split.extraL2
            right.extraL2 = split.extraL2
            // Only a leaf that may be split again needs its histogram.
            if left.best == nil { histograms.recycle(left.histogram.take()) }
            if right.best == nil { histograms.recycle(right.histogram.take()) }
            leaves[index] = left
            leaves.append(right)
            if left.best != nil { splittable.append(index) }
            if right.best != nil { splittable.append(leaves.count - 1) }
        }
        for index in leaves.indices { histograms.recycle(leaves[index].histogram.take()) }
        tree.leafValue = leaves.map { leaf in
            let value = leafValue?(order[leaf.begin..<(leaf.begin + leaf.count)])
            return (value ?? regularization.leafValue(leaf.stats, extraL2: leaf.extraL2)) * shrinkage
        }
        tree.leafCover = leaves.map(\.stats.count)
        return GrownTree(tree: tree, order: order, leafRanges: leaves.map { $0.begin..<($0.begin + $0.count) }, routes: routes)
    }

    /// Without a ``WorkerTeam``, split scans run concurrently when the histograms have at least this many bins: a scan
    /// costs a few nanoseconds a bin, so fewer cost less than waking a second thread.
    static let concurrentScanBins = 16_384

    /// Leaves of at most this many rows sum their gradients per bin from the rows rather than a dense histogram.
    static let sparseLeafRows = 128

    /// The dense histogram of `rows`, or `nil` when they are few enough to be summed directly.
    private func denseHistogram(
        _ rows: ArraySlice<Int32>, _ gradients: [Double], _ hessians: [Double], _ features: [Int]
    ) -> Histogram? {
        rows.count > Self.sparseLeafRows
            ? Histogram(data: data, rows: rows, gradients: gradients, hessians: hessians, features: features, workers: workers, pool: histograms)
            : nil
    }

    /// Whether a split of `leaf` could meet the depth, row and hessian constraints. Both children need
    /// `minSumHessianInLeaf`, so a split needs twice that; the test asks only half of it, deliberately loose so that
    /// the histograms' rounding can never refuse a split the exact sums would allow, and still skips the leaves
    /// that matter (softmax rows all predicted with certainty, whose hessians vanish).
    private func mayBeSplit(_ leaf: Leaf) -> Bool {
        if parameters.maxDepth > 0, leaf.depth >= parameters.maxDepth { return false }
        return leaf.count >= 2 * parameters.minDataInLeaf && leaf.stats.hessian >= parameters.minSumHessianInLeaf / 2
    }

    /// The best split of each of `leaves`, `nil` for a leaf that cannot or need not be split. The scans of all the
    /// leaves' features are shared by the threads in consecutive runs, one per thread: a scan takes a fraction of a
    /// microsecond, less than handing it to another thread would.
    private func bestSplits(
        _ leaves: [Leaf], _ order: [Int32], _ gradients: [Double], _ hessians: [Double], _ allowed: [Int],
        _ random: inout SeededGenerator
    ) -> [SplitCandidate?] {
        // Drawn leaf by leaf, in order, before any scan: the draws do not depend on the scheduling.
        let scans = leaves.map { splitScan($0, order, gradients, hessians, allowed, &random) }
        let starts = scans.reduce(into: [0]) { starts, scan in starts.append(starts.last! + (scan?.features.count ?? 0)) }
        let scanCount = starts.last!
        // The best split of each leaf among the scans `run`.
        let best = { @Sendable (run: Range<Int>) -> [SplitCandidate?] in
            var best = [SplitCandidate?](repeating: nil, count: scans.count)
            var leaf = 0
            for task in run {
                while task >= starts[leaf + 1] { leaf += 1 }
                guard let candidate = scans[leaf]!.candidate(task - starts[leaf]) else { continue }
                if Self.isBetter(candidate, than: best[leaf]) { best[leaf] = candidate }
            }
            return best
        }
        let runs =
            if let workers {
                workers.ranges(scanCount, minimum: 2)
            } else if leaves.contains(where: { $0.histogram != nil }) && data.totalBins >= Self.concurrentScanBins {
                Parallel.ranges(scanCount, parts: Parallel.availableCores)
            } else {
                [0..<scanCount]
            }
        let results = workers?.map(runs.count) { best(runs[$0]) } ?? Parallel.map(runs.count) { best(runs[$0]) }
        return leaves.indices.map { leaf in
            results.reduce(nil) { chosen, result in
                guard let candidate = result[leaf], Self.isBetter(candidate, than: chosen) else { return chosen }
                return candidate
            }
        }
    }

    /// Whether `candidate` is a better split than `other`: a higher gain, or the same on a lower feature.
    private static func isBetter(_ candidate: SplitCandidate, than other: SplitCandidate?) -> Bool {
        guard let other else { return true }
        return (candidate.gain, -candidate.feature) > (other.gain, -other.feature)
    }

    /// The features a split of `leaf` chooses among and the best split on the `i`th of them, or `nil` when the leaf
    /// cannot be split.
    private func splitScan(
        _ leaf: Leaf, _ order: [Int32], _ gradients: [Double], _ hessians: [Double], _ allowed: [Int],
        _ random: inout SeededGenerator
    ) -> (features: [Int], candidate: @Sendable (Int) -> SplitCandidate?)? {
        guard mayBeSplit(leaf) else { return nil }
        let features =
            sampling.featuresPerSplit.map { count in
                count < allowed.count ? random.sample(count, of: allowed.count).map { allowed[$0] } : allowed
            } ?? allowed
        let finder = SplitFinder(parameters: parameters, regularization: regularization)
        let data = self.data
        let histogram = leaf.histogram
        let stats = leaf.stats
        let thresholdSeed = sampling.randomThresholds ? random.next() : nil
        let rows = order[leaf.begin..<(leaf.begin + leaf.count)]
        return (features, { @Sendable (i: Int) -> SplitCandidate? in
            let f = features[i]
            let mapper = data.mappers[f]
            let totals =
                histogram.map { BinTotals($0, offset: data.offsets[f], missingBin: mapper.missingBin) }
                ?? BinTotals(rows: rows, bins: data.bins[f], missingBin: mapper.missingBin, gradients: gradients, hessians: hessians)
            var thresholdRandom = thresholdSeed.map { SeededGenerator(seed: $0 &+ UInt64(f)) }
            return finder.best(feature: f, mapper: mapper, totals: totals, total: stats, randomThreshold: &thresholdRandom)
        })
    }

    /// Records `split` as a new internal node whose children are the two given leaves, in raw feature values.
    private func appendNode(_ tree: inout DecisionTree, _ split: SplitCandidate, cover: Double, leftLeaf: Int, rightLeaf: Int) {
        let mapper = data.mappers[split.feature]
        tree.splitFeature.append(split.feature)
        tree.threshold.append(mapper.isCategorical ? 0 : mapper.upperBounds[split.thresholdBin])
        tree.leftCategories.append(split.leftBins.map { mapper.categoryOfBin[$0] }.sorted())
        tree.defaultLeft.append(split.defaultLeft)
        tree.leftChild.append(~leftLeaf)
        tree.rightChild.append(~rightLeaf)
        tree.gain.append(split.gain)
        tree.nodeCover.append(cover)
    }
}
