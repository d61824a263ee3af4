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

    /// Adds each grown row's leaf value to `scores[row]`, the rows shared by `workers`.
    func addLeafValues(to scores: inout [Double], workers: WorkerTeam) {
        let (order, leafRanges, values) = (order, leafRanges, tree.leafValue)
        scores.withUnsafeMutableBufferPointer { scores in
            // The grown rows are distinct: each part of `order` adds to its own rows.
            let target = SharedBuffer(base: scores.baseAddress!)
            workers.forEachRange(order.count) { part in
                for (leaf, range) in leafRanges.enumerated() {
                    let value = values[leaf]
                    for row in order[range.clamped(to: part)] { target.base[Int(row)] += value }
                }
            }
        }
    }

    /// Row sets of at least this many rows walk a tree in parts, one per thread of the team: a walk takes tens of
    /// nanoseconds a row, so a thousand rows pay for the hand-off.
    static let concurrentWalkRows = 1024

    /// Adds the value of the leaf each row of `rows` reaches to `scores[row]`; the rows' bins must come from the
    /// mappers the tree was grown on. A bin lies on the same side of a split as its values, so this adds what
    /// ``DecisionTree/predict(_:)`` would.
    ///
    /// Rows walk four at a time, leaves stepping to themselves until all four have reached one: the processor
    /// overlaps the four walks, and only the group's end is a branch it can mispredict. The rows are shared by
    /// `workers` from ``concurrentWalkRows`` rows.
    func addLeafValues(rows: RowBins, to scores: inout [Double], workers: WorkerTeam) {
        // States: the internal nodes, then the leaves. State s steps to next[2 * s + (1 if its bin goes left)].
        let nodeCount = tree.nodeCount
        let leafCount = tree.leafValue.count
        let state = { (child: Int) in child < 0 ? nodeCount + ~child : child }
        let next = (0..<(nodeCount + leafCount)).flatMap { s in
            s < nodeCount ? [state(tree.rightChild[s]), state(tree.leftChild[s])] : [s, s]
        }
        let features = tree.splitFeature + [Int](repeating: 0, count: leafCount)
        let allRoutes = routes + [UInt8](repeating: 0, count: leafCount * 256)
        let (width, bins, values) = (rows.featureCount, rows.values, tree.leafValue)
        scores.withUnsafeMutableBufferPointer { scores in
            // Each part of the rows adds to its own scores.
            let target = SharedBuffer(base: scores.baseAddress!)
            workers.forEachRange(scores.count, minimum: Self.concurrentWalkRows) { part in
                features.withUnsafeBufferPointer { features in
                    next.withUnsafeBufferPointer { next in
                        allRoutes.withUnsafeBufferPointer { routes in
                            bins.withUnsafeBufferPointer { bins in
                                values.withUnsafeBufferPointer { values in
                                    let step = { (s: Int, row: Int) -> Int in
                                        next[2 &* s &+ Int(routes[s &<< 8 | Int(bins[row &* width &+ features[s]])])]
                                    }
                                    let last = part.upperBound - 1
                                    var row = part.lowerBound
                                    while row < part.upperBound {
                                        let rows = (row, min(row + 1, last), min(row + 2, last), min(row + 3, last))
                                        var s = (0, 0, 0, 0)
                                        while min(s.0, s.1, s.2, s.3) < nodeCount {
                                            s = (step(s.0, rows.0), step(s.1, rows.1), step(s.2, rows.2), step(s.3, rows.3))
                                        }
                                        // A group past the part's last row repeats it; only its own rows are added.
                                        let count = min(4, part.upperBound - row)
                                        target.base[row] += values[s.0 &- nodeCount]
                                        if count > 1 { target.base[row + 1] += values[s.1 &- nodeCount] }
                                        if count > 2 { target.base[row + 2] += values[s.2 &- nodeCount] }
                                        if count > 3 { target.base[row + 3] += values[s.3 &- nodeCount] }
                                        row += 4
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
