/// Grows one regression tree on gradients, leaf-wise: each step splits the leaf whose best split lowers the loss
/// most, until `numLeaves` leaves or no split pays.
struct TreeGrower: Sendable {
    let data: BinnedData
    let parameters: GradientBoostingParameters

    private var regularization: LeafRegularization {
        LeafRegularization(l1: parameters.lambdaL1, l2: parameters.lambdaL2)
    }

    /// One leaf under construction: its rows are `order[begin..<begin+count]`.
    private struct Leaf {
        var begin: Int
        var count: Int
        var stats: GradientStats
        var depth: Int
        var histogram: Histogram
        var best: SplitCandidate?
        /// The internal node that points at this leaf, and on which side; `nil` for the root.
        var parent: (node: Int, isLeft: Bool)?
    }

    /// Grows a tree on `rows` using only `features`; leaf values are scaled by `shrinkage`.
    func grow(rows: [Int32], gradients: [Double], hessians: [Double], features: [Int], shrinkage: Double) -> DecisionTree {
        var order = rows
        let rootStats = rows.reduce(into: GradientStats()) { s, r in
            s = s + GradientStats(gradient: gradients[Int(r)], hessian: hessians[Int(r)], count: 1)
        }
        var tree = DecisionTree(leafValue: 0, cover: rootStats.count)
        let rootHistogram = Histogram(data: data, rows: order[...], gradients: gradients, hessians: hessians, features: features)
        var leaves = [Leaf(begin: 0, count: rows.count, stats: rootStats, depth: 0, histogram: rootHistogram, parent: nil)]
        leaves[0].best = bestSplit(leaves[0], features)

        while leaves.count < parameters.numLeaves {
            guard let (index, split) = leaves.enumerated().compactMap({ i, leaf in leaf.best.map { (i, $0) } })
                .max(by: { $0.1.gain < $1.1.gain })
            else { break }
            let leaf = leaves[index]
            let node = tree.nodeCount
            appendNode(&tree, split, cover: leaf.stats.count, leftLeaf: index, rightLeaf: leaves.count)
            if let parent = leaf.parent {
                if parent.isLeft { tree.leftChild[parent.node] = node } else { tree.rightChild[parent.node] = node }
            }
            let leftCount = partition(&order, leaf.begin, leaf.count, split)
            var left = Leaf(
                begin: leaf.begin, count: leftCount, stats: split.left, depth: leaf.depth + 1,
                histogram: leaf.histogram, parent: (node, true))
            var right = Leaf(
                begin: leaf.begin + leftCount, count: leaf.count - leftCount, stats: split.right, depth: leaf.depth + 1,
                histogram: leaf.histogram, parent: (node, false))
            let smallerIsLeft = left.count <= right.count
            let small = smallerIsLeft ? left : right
            let smallHistogram = Histogram(
                data: data, rows: order[small.begin..<(small.begin + small.count)], gradients: gradients,
                hessians: hessians, features: features)
            let largeHistogram = leaf.histogram.subtracting(smallHistogram)
            left.histogram = smallerIsLeft ? smallHistogram : largeHistogram
            right.histogram = smallerIsLeft ? largeHistogram : smallHistogram
            left.best = bestSplit(left, features)
            right.best = bestSplit(right, features)
            leaves[index] = left
            leaves.append(right)
        }
        tree.leafValue = leaves.map { regularization.leafValue($0.stats) * shrinkage }
        tree.leafCover = leaves.map(\.stats.count)
        return tree
    }

    private func bestSplit(_ leaf: Leaf, _ features: [Int]) -> SplitCandidate? {
        if parameters.maxDepth > 0, leaf.depth >= parameters.maxDepth { return nil }
        if leaf.count < 2 * parameters.minDataInLeaf { return nil }
        let finder = SplitFinder(parameters: parameters, regularization: regularization)
        let data = self.data
        let histogram = leaf.histogram
        let stats = leaf.stats
        let candidates = Parallel.map(features.count) { i in
            let f = features[i]
            return finder.best(feature: f, mapper: data.mappers[f], histogram: histogram, offset: data.offsets[f], total: stats)
        }
        return candidates.compactMap { $0 }.max { ($0.gain, -$0.feature) < ($1.gain, -$1.feature) }
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

    /// Stable-partitions `order[begin..<begin+count]` so rows going left come first; returns how many go left.
    private func partition(_ order: inout [Int32], _ begin: Int, _ count: Int, _ split: SplitCandidate) -> Int {
        let bins = data.bins[split.feature]
        let missingBin = data.mappers[split.feature].missingBin
        var goesLeft = [Bool](repeating: false, count: 256)
        if split.leftBins.isEmpty {
            for b in 0...split.thresholdBin { goesLeft[b] = true }
            goesLeft[missingBin] = split.defaultLeft
        } else {
            for b in split.leftBins { goesLeft[b] = true }
        }
        var left: [Int32] = []
        var right: [Int32] = []
        left.reserveCapacity(count)
        for row in order[begin..<(begin + count)] {
            if goesLeft[Int(bins[Int(row)])] { left.append(row) } else { right.append(row) }
        }
        order.replaceSubrange(begin..<(begin + count), with: left + right)
        return left.count
    }
}
