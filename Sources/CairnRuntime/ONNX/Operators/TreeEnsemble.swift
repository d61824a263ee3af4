import CairnCore

/// The trees of an ONNX `TreeEnsembleClassifier` or `TreeEnsembleRegressor`, resolved at load time into flat
/// arrays indexed by node position, and evaluated as onnxruntime does: float32 thresholds and weights, trees in
/// order of first appearance, leaf weights added in attribute order.
struct TreeEnsemble: Sendable {
    enum Mode: UInt8 { case leq, lt, gte, gt, eq, neq, leaf }

    /// One node, packed so a walk down a tree touches one small record per level.
    struct Node {
        var threshold: Float
        var feature: Int32
        var trueChild: Int32
        var falseChild: Int32
        var mode: Mode
        var tracksMissing: Bool
    }

    let nodes: [Node]
    /// For each node, the range of its leaf weights in `weightTarget` and `weightValue`.
    let leafStart: [Int32]
    let leafEnd: [Int32]
    let weightTarget: [Int32]
    let weightValue: [Float]
    /// The root of each tree, in evaluation order.
    let roots: [Int32]
    /// The comparison every split uses, when they all use the same one (what converters emit).
    let uniformMode: Mode?
    /// The largest feature index any split reads.
    let maxFeature: Int
    /// Whether every leaf weight is ≥ 0 (a random forest's vote shares rather than boosting scores).
    let weightsArePositive: Bool
    /// The target or class ids that receive a weight.
    let usedTargets: Set<Int32>

    /// Resolves the node and leaf attributes of a tree ensemble node.
    /// - Parameters:
    ///   - prefix: `class` for a classifier's leaf attributes, `target` for a regressor's.
    ///   - targetCount: the number of classes or targets; every leaf id must be below it.
    /// - Throws: `invalid_argument` for inconsistent lists, links to unknown nodes, cycles; `not_implemented` for
    ///   double-precision thresholds or unknown modes.
    init(_ attributes: NodeAttributes, prefix: String, targetCount: Int) throws {
        if attributes.has("nodes_values_as_tensor") || attributes.has("\(prefix)_weights_as_tensor") {
            throw attributes.unsupported("double-precision thresholds or weights (*_as_tensor)")
        }
        let treeIDs = attributes.ints("nodes_treeids")
        let nodeIDs = attributes.ints("nodes_nodeids")
        let features = attributes.ints("nodes_featureids")
        let modes = attributes.strings("nodes_modes")
        let values = attributes.floats("nodes_values")
        let trueIDs = attributes.ints("nodes_truenodeids")
        let falseIDs = attributes.ints("nodes_falsenodeids")
        let missing = attributes.ints("nodes_missing_value_tracks_true")
        let count = treeIDs.count
        guard count > 0, [nodeIDs.count, features.count, modes.count, trueIDs.count, falseIDs.count].allSatisfy({ $0 == count }),
            values.count == count || values.isEmpty, missing.count == count || missing.isEmpty
        else { throw attributes.invalid("its nodes_* lists differ in length or are empty") }

        var position: [TreeNodeKey: Int32] = [:]
        var roots: [Int32] = []
        var seenTrees = Set<Int64>()
        for index in 0..<count {
            let key = TreeNodeKey(tree: treeIDs[index], node: nodeIDs[index])
            guard position[key] == nil else { throw attributes.invalid("node \(key.node) of tree \(key.tree) appears twice") }
            if seenTrees.insert(key.tree).inserted { roots.append(Int32(index)) }
            position[key] = Int32(index)
        }
        var mode: [Mode] = []
        var trueChild = [Int32](repeating: -1, count: count)
        var falseChild = [Int32](repeating: -1, count: count)
        for index in 0..<count {
            guard let parsed = Self.mode(modes[index]) else { throw attributes.unsupported("the node mode \(modes[index])") }
            mode.append(parsed)
            guard parsed != .leaf else { continue }
            guard features[index] >= 0, features[index] <= Int64(Int32.max) else { throw attributes.invalid("a split reads feature \(features[index])") }
            guard let yes = position[TreeNodeKey(tree: treeIDs[index], node: trueIDs[index])],
                let no = position[TreeNodeKey(tree: treeIDs[index], node: falseIDs[index])]
            else { throw attributes.invalid("node \(nodeIDs[index]) of tree \(treeIDs[index]) links to a node that does not exist") }
            trueChild[index] = yes
            falseChild[index] = no
        }
        try Self.checkAcyclic(roots: roots, trueChild: trueChild, falseChild: falseChild, mode: mode, attributes)

        let leafTrees = attributes.ints("\(prefix)_treeids")
        let leafNodes = attributes.ints("\(prefix)_nodeids")
        let leafIDs = attributes.ints("\(prefix)_ids")
        let leafWeights = attributes.floats("\(prefix)_weights")
        guard [leafNodes.count, leafIDs.count, leafWeights.count].allSatisfy({ $0 == leafTrees.count }) else {
            throw attributes.invalid("its \(prefix)_* lists differ in length")
        }
        var perLeaf = [[(Int32, Float)]](repeating: [], count: count)
        for k in 0..<leafTrees.count {
            guard let node = position[TreeNodeKey(tree: leafTrees[k], node: leafNodes[k])] else {
                throw attributes.invalid("a weight names node \(leafNodes[k]) of tree \(leafTrees[k]), which does not exist")
            }
            guard (0..<Int64(targetCount)).contains(leafIDs[k]) else {
                throw attributes.invalid("a weight goes to \(prefix) \(leafIDs[k]) of \(targetCount)")
            }
            perLeaf[Int(node)].append((Int32(leafIDs[k]), leafWeights[k]))
        }
        var leafStart: [Int32] = [], leafEnd: [Int32] = [], weightTarget: [Int32] = [], weightValue: [Float] = []
        for weights in perLeaf {
            leafStart.append(Int32(weightTarget.count))
            for (target, weight) in weights {
                weightTarget.append(target)
                weightValue.append(weight)
            }
            leafEnd.append(Int32(weightTarget.count))
        }
        self.nodes = (0..<count).map { index in
            Node(
                threshold: values.isEmpty ? 0 : values[index], feature: mode[index] == .leaf ? 0 : Int32(features[index]),
                trueChild: trueChild[index], falseChild: falseChild[index], mode: mode[index],
                tracksMissing: missing.isEmpty ? false : missing[index] != 0)
        }
        self.leafStart = leafStart
        self.leafEnd = leafEnd
        self.weightTarget = weightTarget
        self.weightValue = weightValue
        self.roots = roots
        let splitModes = Set(mode.filter { $0 != .leaf })
        self.uniformMode = splitModes.count == 1 ? splitModes.first : nil
        self.maxFeature = zip(features, mode).filter { $0.1 != .leaf }.map { Int($0.0) }.max() ?? -1
        self.weightsArePositive = leafWeights.allSatisfy { $0 >= 0 }
        self.usedTargets = Set(leafIDs.map { Int32($0) })
    }

    private static func mode(_ name: String) -> Mode? {
        switch name {
        case "BRANCH_LEQ": .leq
        case "BRANCH_LT": .lt
        case "BRANCH_GTE": .gte
        case "BRANCH_GT": .gt
        case "BRANCH_EQ": .eq
        case "BRANCH_NEQ": .neq
        case "LEAF": .leaf
        default: nil
        }
    }

    /// Checks that every node is reached at most once from the roots, so evaluation always ends at a leaf.
    private static func checkAcyclic(roots: [Int32], trueChild: [Int32], falseChild: [Int32], mode: [Mode], _ attributes: NodeAttributes) throws {
        var seen = [Bool](repeating: false, count: mode.count)
        var stack = roots
        while let node = stack.popLast() {
            guard !seen[Int(node)] else { throw attributes.invalid("its trees share nodes or contain a cycle") }
            seen[Int(node)] = true
            if mode[Int(node)] != .leaf {
                stack.append(trueChild[Int(node)])
                stack.append(falseChild[Int(node)])
            }
        }
    }

    /// The number of trees.
    var treeCount: Int { roots.count }

    /// The index of the leaf that the tree rooted at `root` reaches for a row; `goesTrue` is the split's comparison.
    @inline(__always)
    private static func leaf(
        from root: Int32, _ row: UnsafeBufferPointer<Float>, _ nodes: UnsafeBufferPointer<Node>, _ goesTrue: (Mode, Float, Float) -> Bool
    ) -> Int {
        var index = Int(root)
        while true {
            let node = nodes[index]
            if node.mode == .leaf { return index }
            let x = row[Int(node.feature)]
            index = Int(goesTrue(node.mode, x, node.threshold) || (node.tracksMissing && x.isNaN) ? node.trueChild : node.falseChild)
        }
    }

    /// Whether `x` goes to the true branch of a split with this mode and threshold (never for NaN).
    @inline(__always)
    private static func compare(_ mode: Mode, _ x: Float, _ t: Float) -> Bool {
        switch mode {
        case .leq: x <= t
        case .lt: x < t
        case .gte: x >= t
        case .gt: x > t
        case .eq: x == t
        case .neq: x != t
        case .leaf: false
        }
    }

    /// Scores every row of a float matrix input `[N, F]`: for each row, folds the weight of every leaf the trees
    /// reach into its target's score with `combine(score, weight, scoredBefore)` — trees in order, weights in
    /// attribute order — then calls `finish` with the row's `targets` scores and which of them received a weight.
    ///
    /// Rows go through the trees in small blocks, each tree walked for every row of the block in turn, so the walks
    /// of different rows overlap in the processor; each row's sum keeps the tree order, so results are unchanged.
    /// - Throws: `invalid_argument` when the input is not a matrix or is too narrow for the features the trees read.
    @inline(__always)
    func score(
        _ input: Tensor, targets: Int, combine: (Float, Float, Bool) -> Float,
        finish: (ArraySlice<Float>, ArraySlice<Bool>) -> Void
    ) throws {
        let values = try input.floats()
        let rows = input.shape.count == 1 ? 1 : input.shape.first ?? 0
        let width = rows == 0 ? 0 : values.count / rows
        guard input.shape.count <= 2, width > max(maxFeature, 0) || rows == 0 else {
            throw CairnError.invalid("the tree ensemble reads feature \(maxFeature), but its input has shape \(input.shape)")
        }
        let block = 16
        var scores = [Float](repeating: 0, count: block * targets)
        var scored = [Bool](repeating: false, count: block * targets)
        values.withUnsafeBufferPointer { all in
            nodes.withUnsafeBufferPointer { nodes in
                for start in stride(from: 0, to: rows, by: block) {
                    let count = min(block, rows - start)
                    for index in 0..<count * targets {
                        scores[index] = 0
                        scored[index] = false
                    }
                    for root in roots {
                        for offset in 0..<count {
                            let row = UnsafeBufferPointer(rebasing: all[(start + offset) * width..<(start + offset + 1) * width])
                            // Converters use one comparison throughout; testing it directly saves a switch per level.
                            let leaf: Int
                            switch uniformMode {
                            case .leq?: leaf = Self.leaf(from: root, row, nodes) { _, x, t in x <= t }
                            case .lt?: leaf = Self.leaf(from: root, row, nodes) { _, x, t in x < t }
                            default: leaf = Self.leaf(from: root, row, nodes, Self.compare)
                            }
                            for k in Int(leafStart[leaf])..<Int(leafEnd[leaf]) {
                                let target = offset * targets + Int(weightTarget[k])
                                scores[target] = combine(scores[target], weightValue[k], scored[target])
                                scored[target] = true
                            }
                        }
                    }
                    for offset in 0..<count {
                        finish(scores[offset * targets..<(offset + 1) * targets], scored[offset * targets..<(offset + 1) * targets])
                    }
                }
            }
        }
    }
}

/// A (tree id, node id) pair: how ONNX tree attributes name a node.
struct TreeNodeKey: Hashable {
    let tree: Int64
    let node: Int64
}
