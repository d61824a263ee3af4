import CairnCore

extension TreeEnsemble.Lists {
    /// Reads the attributes of an `ai.onnx.ml` opset 5 `TreeEnsemble` node into the older layout, as onnxruntime
    /// converts them: tree `t` is the one rooted at `tree_roots[t]`, its nodes listed depth first, each leaf a node
    /// of mode `LEAF` with its one weight; trees are summed in `tree_roots` order.
    /// - Throws: `invalid_argument` for lists of different lengths, links out of range, shared nodes or cycles;
    ///   `not_implemented` for double-precision splits or weights and set-membership (`BRANCH_MEMBER`) splits.
    init(opset5 attributes: NodeAttributes) throws {
        let splits = try attributes.tensor("nodes_splits")
        let weights = try attributes.tensor("leaf_weights")
        guard case .float(let thresholds) = splits.elements, case .float(let leafWeights) = weights.elements else {
            throw attributes.unsupported("double-precision splits or leaf weights")
        }
        let codes = try attributes.tensor("nodes_modes").int64s()
        let features = attributes.ints("nodes_featureids")
        let trueIDs = attributes.ints("nodes_truenodeids"), trueLeafs = attributes.ints("nodes_trueleafs")
        let falseIDs = attributes.ints("nodes_falsenodeids"), falseLeafs = attributes.ints("nodes_falseleafs")
        let missing = attributes.ints("nodes_missing_value_tracks_true")
        let targets = attributes.ints("leaf_targetids")
        let count = features.count
        guard [codes.count, thresholds.count, trueIDs.count, trueLeafs.count, falseIDs.count, falseLeafs.count].allSatisfy({ $0 == count }),
            missing.isEmpty || missing.count == count, targets.count == leafWeights.count
        else { throw attributes.invalid("its nodes_* or leaf_* lists differ in length") }
        let modeNames = ["BRANCH_LEQ", "BRANCH_LT", "BRANCH_GTE", "BRANCH_GT", "BRANCH_EQ", "BRANCH_NEQ"]
        if let code = codes.first(where: { !(0..<Int64(modeNames.count)).contains($0) }) {
            throw code == 6 ? attributes.unsupported("set-membership splits (BRANCH_MEMBER)") : attributes.unsupported("the node mode \(code)")
        }

        var seenNodes = [Bool](repeating: false, count: count)
        var seenLeaves = [Bool](repeating: false, count: leafWeights.count)
        /// Lists leaf `leaf` as a node of tree `tree`.
        func addLeaf(_ leaf: Int64, tree: Int64) throws {
            guard (0..<Int64(leafWeights.count)).contains(leaf), !seenLeaves[Int(leaf)] else {
                throw attributes.invalid("a link names leaf \(leaf), which is out of range or reached twice")
            }
            seenLeaves[Int(leaf)] = true
            treeIDs.append(tree)
            nodeIDs.append(Int64(count) + leaf)
            self.features.append(0)
            modes.append("LEAF")
            values.append(0)
            self.trueIDs.append(0)
            self.falseIDs.append(0)
            self.missing.append(0)
            leafTrees.append(tree)
            leafNodes.append(Int64(count) + leaf)
            leafIDs.append(targets[Int(leaf)])
            self.leafWeights.append(leafWeights[Int(leaf)])
        }
        for (tree, root) in attributes.ints("tree_roots").enumerated().map({ (Int64($0), $1) }) {
            guard (0..<Int64(count)).contains(root) else { throw attributes.invalid("tree root \(root) is out of range") }
            let r = Int(root)
            if trueLeafs[r] != 0, falseLeafs[r] != 0, trueIDs[r] == falseIDs[r] {
                try addLeaf(trueIDs[r], tree: tree)
                continue
            }
            var stack = [root]
            while let node = stack.popLast() {
                guard (0..<Int64(count)).contains(node), !seenNodes[Int(node)] else {
                    throw attributes.invalid("a link names node \(node), which is out of range, shared or in a cycle")
                }
                let n = Int(node)
                seenNodes[n] = true
                treeIDs.append(tree)
                nodeIDs.append(node)
                self.features.append(features[n])
                modes.append(modeNames[Int(codes[n])])
                values.append(thresholds[n])
                self.trueIDs.append(trueLeafs[n] != 0 ? Int64(count) + trueIDs[n] : trueIDs[n])
                self.falseIDs.append(falseLeafs[n] != 0 ? Int64(count) + falseIDs[n] : falseIDs[n])
                self.missing.append(missing.isEmpty ? 0 : missing[n])
                for (child, isLeaf) in [(falseIDs[n], falseLeafs[n]), (trueIDs[n], trueLeafs[n])] {
                    if isLeaf != 0 { try addLeaf(child, tree: tree) } else { stack.append(child) }
                }
            }
        }
    }
}
