/// A tree fresh from ``TreeGrower`` with the training rows that reached each of its leaves, so the training scores
/// can be updated without walking the tree again, and its splits in bins, so binned rows walk it cheaply.
struct GrownTree: Sendable {
    /// The tree.
    var tree: DecisionTree
    /// The grown rows, grouped by leaf.
    let order: [Int32]
    /// The rows of leaf `i` are `order[leafRanges[i]]`.
    let leafRanges: [Range<Int>]
    /// Internal node `n` sends a row whose bin is `b` left when `routes[n * 256 + b]` is 1 (see
    /// ``SplitCandidate/route(missingBin:)``).
    let routes: [UInt8]

    /// Adds each grown row's leaf value to `scores[row]`.
    func addLeafValues(to scores: inout [Double]) {
        for (leaf, range) in leafRanges.enumerated() {
            let value = tree.leafValue[leaf]
            for row in order[range] { scores[Int(row)] += value }
        }
    }

    /// Adds the value of the leaf each row of `rows` reaches to `scores[row]`; the rows' bins must come from the
    /// mappers the tree was grown on. A bin lies on the same side of a split as its values, so this adds what
    /// ``DecisionTree/predict(_:)`` would.
    ///
    /// Rows walk four at a time, leaves stepping to themselves until all four have reached one: the processor
    /// overlaps the four walks, and only the group's end is a branch it can mispredict.
    func addLeafValues(rows: RowBins, to scores: inout [Double]) {
        // States: the internal nodes, then the leaves. State s steps to next[2 * s + (1 if its bin goes left)].
        let nodeCount = tree.nodeCount
        let leafCount = tree.leafValue.count
        var next = [Int](repeating: 0, count: 2 * (nodeCount + leafCount))
        let state = { (child: Int) in child < 0 ? nodeCount + ~child : child }
        for node in 0..<nodeCount {
            next[2 * node] = state(tree.rightChild[node])
            next[2 * node + 1] = state(tree.leftChild[node])
        }
        for leaf in nodeCount..<(nodeCount + leafCount) {
            next[2 * leaf] = leaf
            next[2 * leaf + 1] = leaf
        }
        let features = tree.splitFeature + [Int](repeating: 0, count: leafCount)
        let allRoutes = routes + [UInt8](repeating: 0, count: leafCount * 256)
        let width = rows.featureCount
        features.withUnsafeBufferPointer { features in
            next.withUnsafeBufferPointer { next in
                allRoutes.withUnsafeBufferPointer { routes in
                    rows.values.withUnsafeBufferPointer { bins in
                        tree.leafValue.withUnsafeBufferPointer { values in
                            let step = { (s: Int, row: Int) -> Int in
                                next[2 &* s &+ Int(routes[s &<< 8 | Int(bins[row &* width &+ features[s]])])]
                            }
                            var row = 0
                            while row < scores.count {
                                let rows = (row, min(row + 1, scores.count - 1), min(row + 2, scores.count - 1), min(row + 3, scores.count - 1))
                                var s = (0, 0, 0, 0)
                                while min(s.0, s.1, s.2, s.3) < nodeCount {
                                    s = (step(s.0, rows.0), step(s.1, rows.1), step(s.2, rows.2), step(s.3, rows.3))
                                }
                                // A group past the last row repeats the last row; only its own rows are added.
                                let count = min(4, scores.count - row)
                                scores[row] += values[s.0 &- nodeCount]
                                if count > 1 { scores[row + 1] += values[s.1 &- nodeCount] }
                                if count > 2 { scores[row + 2] += values[s.2 &- nodeCount] }
                                if count > 3 { scores[row + 3] += values[s.3 &- nodeCount] }
                                row += 4
                            }
                        }
                    }
                }
            }
        }
    }
}
