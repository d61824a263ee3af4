import CairnCore

/// The trees of an ONNX `TreeEnsembleClassifier` or `TreeEnsembleRegressor`, resolved at load time into the shared
/// tree kernel's nodes (indexed by attribute position), and evaluated as onnxruntime does: float32 thresholds and
/// weights, trees in order of first appearance, leaf weights added in attribute order.
struct TreeEnsemble: Sendable {
    enum Mode: UInt8 { case leq, lt, gte, gt, eq, neq, leaf }

    let forest: FlatForest<Float>
    /// For each node, the range of its leaf weights in `weightTarget` and `weightValue`.
    let leafStart: [Int32]
    let leafEnd: [Int32]
    let weightTarget: [Int32]
    let weightValue: [Float]
    /// The largest feature index any split reads.
    let maxFeature: Int
    /// Whether every leaf weight is ≥ 0 (a random forest's vote shares rather than boosting scores).
    let weightsArePositive: Bool
    /// The target or class ids that receive a weight.
    let usedTargets: Set<Int32>

    /// A tree ensemble's node and leaf lists in the layout of `ai.onnx.ml` opsets 1–4: nodes keyed by (tree, node)
    /// id, leaves as nodes of mode `LEAF`, each weight naming its leaf. Opset 5's `TreeEnsemble` is read into it too.
    struct Lists {
        var treeIDs: [Int64] = [], nodeIDs: [Int64] = [], features: [Int64] = [], modes: [String] = [], values: [Float] = []
        var trueIDs: [Int64] = [], falseIDs: [Int64] = [], missing: [Int64] = []
        var leafTrees: [Int64] = [], leafNodes: [Int64] = [], leafIDs: [Int64] = [], leafWeights: [Float] = []
    }

    /// Resolves the node and leaf attributes of a `TreeEnsembleClassifier` or `TreeEnsembleRegressor` node.
    /// - Parameters:
    ///   - prefix: `class` for a classifier's leaf attributes, `target` for a regressor's.
    ///   - targetCount: the number of classes or targets; every leaf id must be below it.
    /// - Throws: `invalid_argument` for inconsistent lists, links to unknown nodes, cycles; `not_implemented` for
    ///   double-precision thresholds or unknown modes.
    init(_ attributes: NodeAttributes, prefix: String, targetCount: Int) throws {
        if attributes.has("nodes_values_as_tensor") || attributes.has("\(prefix)_weights_as_tensor") {
            throw attributes.unsupported("double-precision thresholds or weights (*_as_tensor)")
        }
        let lists = Lists(
            treeIDs: attributes.ints("nodes_treeids"), nodeIDs: attributes.ints("nodes_nodeids"), features: attributes.ints("nodes_featureids"),
            modes: attributes.strings("nodes_modes"), values: attributes.floats("nodes_values"), trueIDs: attributes.ints("nodes_truenodeids"),
            falseIDs: attributes.ints("nodes_falsenodeids"), missing: attributes.ints("nodes_missing_value_tracks_true"),
            leafTrees: attributes.ints("\(prefix)_treeids"), leafNodes: attributes.ints("\(prefix)_nodeids"), leafIDs: attributes.ints("\(prefix)_ids"),
            leafWeights: attributes.floats("\(prefix)_weights"))
        try self.init(lists, attributes, targetCount: targetCount)
    }

    /// Resolves a tree ensemble's lists.
    /// - Parameters:
    ///   - attributes: the node's attributes, to name it in errors.
    ///   - targetCount: the number of classes or targets; every leaf id must be below it.
    /// - Throws: `invalid_argument` for inconsistent lists, links to unknown nodes, cycles; `not_implemented` for
    ///   unknown modes.
    init(_ lists: Lists, _ attributes: NodeAttributes, targetCount: Int) throws {
        let treeIDs = lists.treeIDs, nodeIDs = lists.nodeIDs, features = lists.features, modes = lists.modes, values = lists.values
        let trueIDs = lists.trueIDs, falseIDs = lists.falseIDs, missing = lists.missing
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
            guard (0...Int64(FlatForest<Float>.Node.maxFeature)).contains(features[index]) else {
                throw attributes.invalid("a split reads feature \(features[index])")
            }
            guard let yes = position[TreeNodeKey(tree: treeIDs[index], node: trueIDs[index])],
                let no = position[TreeNodeKey(tree: treeIDs[index], node: falseIDs[index])]
            else { throw attributes.invalid("node \(nodeIDs[index]) of tree \(treeIDs[index]) links to a node that does not exist") }
            trueChild[index] = yes
            falseChild[index] = no
        }
        try Self.checkAcyclic(roots: roots, trueChild: trueChild, falseChild: falseChild, mode: mode, attributes)

        let leafTrees = lists.leafTrees, leafNodes = lists.leafNodes, leafIDs = lists.leafIDs, leafWeights = lists.leafWeights
        guard [leafNodes.count, leafIDs.count, leafWeights.count].allSatisfy({ $0 == leafTrees.count }) else {
            throw attributes.invalid("its leaf weight lists differ in length")
        }
        var perLeaf = [[(Int32, Float)]](repeating: [], count: count)
        for k in 0..<leafTrees.count {
            guard let node = position[TreeNodeKey(tree: leafTrees[k], node: leafNodes[k])] else {
                throw attributes.invalid("a weight names node \(leafNodes[k]) of tree \(leafTrees[k]), which does not exist")
            }
            guard (0..<Int64(targetCount)).contains(leafIDs[k]) else {
                throw attributes.invalid("a weight goes to target or class \(leafIDs[k]) of \(targetCount)")
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
        let nodes = (0..<count).map { index in
            Self.node(
                mode[index], at: index, feature: Int(features[index]), threshold: values.isEmpty ? 0 : values[index],
                tracksMissing: missing.isEmpty ? false : missing[index] != 0, trueChild: trueChild[index], falseChild: falseChild[index])
        }
        self.forest = try FlatForest(nodes: nodes, roots: roots)
        self.leafStart = leafStart
        self.leafEnd = leafEnd
        self.weightTarget = weightTarget
        self.weightValue = weightValue
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

    /// The kernel node for an ONNX node: `GTE` and `GT` become `LT` and `LEQ` with the children swapped, and a
    /// missing value goes to the true child exactly when the node tracks missing values (onnxruntime's rule).
    private static func node(
        _ mode: Mode, at index: Int, feature: Int, threshold: Float, tracksMissing: Bool, trueChild: Int32, falseChild: Int32
    ) -> FlatForest<Float>.Node {
        if mode == .leaf { return .leaf(0, at: Int32(index)) }
        let (kind, swapped): (FlatForest<Float>.SplitKind, Bool) =
            switch mode {
            case .leq: (.lessOrEqual, false)
            case .lt: (.less, false)
            case .gte: (.less, true)
            case .gt: (.lessOrEqual, true)
            case .eq: (.equal, false)
            case .neq: (.notEqual, false)
            case .leaf: (.leaf, false)
            }
        return .split(
            kind, feature: feature, threshold: threshold, nanGoesLeft: tracksMissing != swapped, left: swapped ? falseChild : trueChild,
            right: swapped ? trueChild : falseChild)
    }

    /// The number of trees.
    var treeCount: Int { forest.treeCount }

    /// Scores every row of a float matrix input `[N, F]`: for each row, folds the weight of every leaf the trees
    /// reach into its target's score with `combine(score, weight, scoredBefore)` — trees in order, weights in
    /// attribute order — then calls `finish` with the row's `targets` scores and which of them received a weight.
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
        var scores = [Float](repeating: 0, count: rows * targets)
        var scored = [Bool](repeating: false, count: rows * targets)
        values.withUnsafeBufferPointer { values in
            leafStart.withUnsafeBufferPointer { leafStart in
                leafEnd.withUnsafeBufferPointer { leafEnd in
                    weightTarget.withUnsafeBufferPointer { weightTarget in
                        weightValue.withUnsafeBufferPointer { weightValue in
                            scores.withUnsafeMutableBufferPointer { scores in
                                scored.withUnsafeMutableBufferPointer { scored in
                                    forest.forEachLeaf(values, rowCount: rows, width: width) { _, row, leaf, _ in
                                        for k in Int(leafStart[leaf])..<Int(leafEnd[leaf]) {
                                            let target = row * targets + Int(weightTarget[k])
                                            scores[target] = combine(scores[target], weightValue[k], scored[target])
                                            scored[target] = true
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for row in 0..<rows {
            finish(scores[row * targets..<(row + 1) * targets], scored[row * targets..<(row + 1) * targets])
        }
    }
}

/// A (tree id, node id) pair: how ONNX tree attributes name a node.
struct TreeNodeKey: Hashable {
    let tree: Int64
    let node: Int64
}
