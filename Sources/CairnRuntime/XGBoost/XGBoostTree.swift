import CairnCore

/// One XGBoost regression tree in flat arrays, as the model file lists its nodes.
struct XGBoostTree: Sendable {
    /// One node, packed so a walk down the tree touches one small record per level.
    struct Node {
        /// The threshold of a numeric split, or the value of a leaf.
        var value: Float
        /// The feature a split reads.
        var feature: Int32
        /// The left child; `-1` marks a leaf.
        var left: Int32
        var right: Int32
        /// Whether a missing value goes left.
        var defaultLeft: Bool
        var isCategorical: Bool
    }

    let nodes: [Node]
    /// For categorical splits, the categories that go right; `nil` for numeric splits and leaves.
    let categories: [Set<Int>?]

    /// Reads tree `index` of a model document and checks its links.
    /// - Throws: `invalid_argument` when arrays differ in length, a child is out of range or links form a cycle.
    init(_ tree: Document, index: Int, featureCount: Int) throws {
        let left = try tree["left_children"].ints("left_children")
        let count = left.count
        let right = try tree["right_children"].ints("right_children")
        let feature = try tree["split_indices"].ints("split_indices")
        let value = try tree["split_conditions"].floats("split_conditions")
        let defaultLeft = try tree["default_left"].ints("default_left")
        let splitType = try tree.optional("split_type")?.ints("split_type") ?? [Int](repeating: 0, count: count)
        guard count > 0, [right.count, feature.count, value.count, defaultLeft.count, splitType.count].allSatisfy({ $0 == count }) else {
            throw CairnError.invalid("tree \(index) of the XGBoost model has node lists of different lengths")
        }
        var categories = [Set<Int>?](repeating: nil, count: count)
        if splitType.contains(1) {
            let nodes = try tree["categories_nodes"].ints("categories_nodes")
            let segments = try tree["categories_segments"].ints("categories_segments")
            let sizes = try tree["categories_sizes"].ints("categories_sizes")
            let all = try tree["categories"].ints("categories")
            guard nodes.count == segments.count, nodes.count == sizes.count else {
                throw CairnError.invalid("tree \(index) of the XGBoost model has inconsistent category lists")
            }
            for (k, node) in nodes.enumerated() {
                guard (0..<count).contains(node), segments[k] >= 0, sizes[k] >= 0, segments[k] + sizes[k] <= all.count else {
                    throw CairnError.invalid("tree \(index) of the XGBoost model has a category list out of range")
                }
                categories[node] = Set(all[segments[k]..<segments[k] + sizes[k]])
            }
        }
        for node in 0..<count where left[node] != -1 {
            guard left[node] > node, right[node] > node, left[node] < count, right[node] < count else {
                throw CairnError.invalid("tree \(index) of the XGBoost model links node \(node) to a node out of order or out of range")
            }
            guard (0..<featureCount).contains(feature[node]) else {
                throw CairnError.invalid("tree \(index) of the XGBoost model splits on feature \(feature[node]) of \(featureCount)")
            }
            if splitType[node] == 1, categories[node] == nil {
                throw CairnError.invalid("tree \(index) of the XGBoost model has a categorical split without categories")
            }
        }
        self.nodes = (0..<count).map { node in
            Node(
                value: value[node], feature: left[node] == -1 ? 0 : Int32(feature[node]), left: Int32(left[node]), right: Int32(right[node]),
                defaultLeft: defaultLeft[node] != 0, isCategorical: categories[node] != nil)
        }
        self.categories = categories
    }

    /// The node count.
    var nodeCount: Int { nodes.count }

    /// The leaf value this tree gives a row.
    /// - Parameter row: the row's features as XGBoost reads them (float32, `NaN` for missing).
    func leaf(_ row: UnsafeBufferPointer<Float>) -> Float {
        nodes.withUnsafeBufferPointer { nodes in
            var index = 0
            while true {
                let node = nodes[index]
                if node.left == -1 { return node.value }
                let x = row[Int(node.feature)]
                let goLeft: Bool
                if x.isNaN {
                    goLeft = node.defaultLeft
                } else if node.isCategorical {
                    // A category in the set goes right; an invalid (negative, huge) one and any other goes left.
                    goLeft = !(x >= 0 && x < 16_777_216 && categories[index]!.contains(Int(x)))
                } else {
                    goLeft = x < node.value
                }
                index = Int(goLeft ? node.left : node.right)
            }
        }
    }
}
