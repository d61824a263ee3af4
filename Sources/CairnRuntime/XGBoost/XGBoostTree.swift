import CairnCore

/// One XGBoost regression tree, read from a model document into the shared tree kernel's nodes: `x < threshold`
/// goes left, a missing value goes the default way, and a category in a categorical split's set goes right.
struct XGBoostTree: Sendable {
    /// The tree's nodes, links local to it, ready to join a `FlatForest<Float>`.
    let flat: FlatForest<Float>.Tree

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
        var categories = [[Int]?](repeating: nil, count: count)
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
                categories[node] = Array(all[segments[k]..<segments[k] + sizes[k]])
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
        var sets: [[UInt32]] = []
        let nodes = (0..<count).map { node -> FlatForest<Float>.Node in
            if left[node] == -1 { return .leaf(value[node], at: Int32(node)) }
            var kind = FlatForest<Float>.SplitKind.less
            var threshold = value[node]
            if let set = categories[node], splitType[node] == 1 {
                kind = .categoryGoesRight
                threshold = Float(sets.count)
                sets.append(FlatForest<Float>.bitset(set))
            }
            return .split(
                kind, feature: feature[node], threshold: threshold, nanGoesLeft: defaultLeft[node] != 0, left: Int32(left[node]),
                right: Int32(right[node]))
        }
        flat = FlatForest<Float>.Tree(nodes: nodes, categorySets: sets)
    }
}
