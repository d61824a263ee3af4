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
    func addLeafValues(rows: RowBins, to scores: inout [Double]) {
        guard tree.nodeCount > 0 else {
            for row in scores.indices { scores[row] += tree.leafValue[0] }
            return
        }
        let width = rows.featureCount
        tree.splitFeature.withUnsafeBufferPointer { features in
            tree.leftChild.withUnsafeBufferPointer { left in
                tree.rightChild.withUnsafeBufferPointer { right in
                    routes.withUnsafeBufferPointer { routes in
                        rows.values.withUnsafeBufferPointer { bins in
                            for row in scores.indices {
                                let first = row &* width
                                var node = 0
                                while true {
                                    let bin = Int(bins[first &+ features[node]])
                                    let next = routes[node &<< 8 | bin] != 0 ? left[node] : right[node]
                                    if next < 0 {
                                        scores[row] += tree.leafValue[~next]
                                        break
                                    }
                                    node = next
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
