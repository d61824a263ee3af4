/// A tree fresh from ``TreeGrower`` with the training rows that reached each of its leaves, so the training scores
/// can be updated without walking the tree again.
struct GrownTree: Sendable {
    /// The tree.
    var tree: DecisionTree
    /// The grown rows, grouped by leaf.
    let order: [Int32]
    /// The rows of leaf `i` are `order[leafRanges[i]]`.
    let leafRanges: [Range<Int>]

    /// Adds each grown row's leaf value to `scores[row]`.
    func addLeafValues(to scores: inout [Double]) {
        for (leaf, range) in leafRanges.enumerated() {
            let value = tree.leafValue[leaf]
            for row in order[range] { scores[Int(row)] += value }
        }
    }
}
