/// Exact SHAP values of tree models by the path-dependent TreeSHAP algorithm (Lundberg et al., 2018): the
/// expectation over features left out follows the training cover of each branch.
enum TreeSHAP {
    /// One element of the path from the root to the current node.
    private struct PathElement {
        var feature: Int
        var zeroFraction: Double
        var oneFraction: Double
        var weight: Double
    }

    /// The cover-weighted mean leaf value: the tree's prediction when no feature is known.
    static func expectedValue(_ tree: DecisionTree) -> Double {
        zip(tree.leafValue, tree.leafCover).reduce(0) { $0 + $1.0 * $1.1 } / tree.leafCover.reduce(0, +)
    }

    /// Adds the contribution of each feature to `tree`'s prediction for row `row` into `phi`; the contributions
    /// sum to the prediction minus ``expectedValue(_:)``.
    static func accumulate(_ tree: DecisionTree, columns: [[Double]], row: Int, into phi: inout [Double]) {
        guard tree.nodeCount > 0 else { return }
        recurse(tree, columns, row, node: 0, path: [], zero: 1, one: 1, feature: -1, phi: &phi)
    }

    private static func recurse(
        _ tree: DecisionTree, _ columns: [[Double]], _ row: Int, node: Int, path parent: [PathElement],
        zero: Double, one: Double, feature: Int, phi: inout [Double]
    ) {
        var path = parent
        extend(&path, zero: zero, one: one, feature: feature)
        if node < 0 {
            let value = tree.leafValue[~node]
            for i in 1..<path.count {
                phi[path[i].feature] += unwoundSum(path, i) * (path[i].oneFraction - path[i].zeroFraction) * value
            }
            return
        }
        let split = tree.splitFeature[node]
        let left = tree.goesLeft(node: node, value: columns[split][row])
        let (hot, cold) = left ? (tree.leftChild[node], tree.rightChild[node]) : (tree.rightChild[node], tree.leftChild[node])
        var incomingZero = 1.0
        var incomingOne = 1.0
        if let k = path.indices.dropFirst().first(where: { path[$0].feature == split }) {
            incomingZero = path[k].zeroFraction
            incomingOne = path[k].oneFraction
            unwind(&path, k)
        }
        let cover = tree.nodeCover[node]
        recurse(tree, columns, row, node: hot, path: path, zero: Self.cover(tree, hot) / cover * incomingZero,
                one: incomingOne, feature: split, phi: &phi)
        recurse(tree, columns, row, node: cold, path: path, zero: Self.cover(tree, cold) / cover * incomingZero,
                one: 0, feature: split, phi: &phi)
    }

    private static func cover(_ tree: DecisionTree, _ child: Int) -> Double {
        child < 0 ? tree.leafCover[~child] : tree.nodeCover[child]
    }

    private static func extend(_ path: inout [PathElement], zero: Double, one: Double, feature: Int) {
        let depth = path.count
        path.append(PathElement(feature: feature, zeroFraction: zero, oneFraction: one, weight: depth == 0 ? 1 : 0))
        let d = Double(depth)
        for i in stride(from: depth - 1, through: 0, by: -1) {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) / (d + 1)
            path[i].weight = zero * path[i].weight * (d - Double(i)) / (d + 1)
        }
    }

    private static func unwind(_ path: inout [PathElement], _ index: Int) {
        let depth = path.count - 1
        let d = Double(depth)
        let one = path[index].oneFraction
        let zero = path[index].zeroFraction
        var next = path[depth].weight
        for i in stride(from: depth - 1, through: 0, by: -1) {
            if one != 0 {
                let previous = path[i].weight
                path[i].weight = next * (d + 1) / (Double(i + 1) * one)
                next = previous - path[i].weight * zero * (d - Double(i)) / (d + 1)
            } else {
                path[i].weight = path[i].weight * (d + 1) / (zero * (d - Double(i)))
            }
        }
        let weights = path.map(\.weight)
        path.remove(at: index)
        for i in path.indices { path[i].weight = weights[i] }
    }

    private static func unwoundSum(_ path: [PathElement], _ index: Int) -> Double {
        let depth = path.count - 1
        let d = Double(depth)
        let one = path[index].oneFraction
        let zero = path[index].zeroFraction
        var next = path[depth].weight
        var total = 0.0
        for i in stride(from: depth - 1, through: 0, by: -1) {
            if one != 0 {
                let scaled = next * (d + 1) / (Double(i + 1) * one)
                total += scaled
                next = path[i].weight - scaled * zero * (d - Double(i)) / (d + 1)
            } else if zero != 0 {
                total += path[i].weight / zero / ((d - Double(i)) / (d + 1))
            }
        }
        return total
    }
}
