import CairnCore
import Foundation

/// One LightGBM tree as a `Tree=` block of the text model lists it, checked, then turned into the shared tree
/// kernel's nodes.
struct LightGBMTree: Sendable {
    /// One split, packed so a walk down the tree touches one small record per level.
    struct Split {
        /// The threshold of a numeric split; for a categorical split, the index of its category bitset.
        var threshold: Double
        var feature: Int32
        /// Children: a value ≥ 0 is a split, a negative value `v` is the leaf `~v`.
        var left: Int32
        var right: Int32
        /// Bit 0 categorical, bit 1 default left, bits 2–3 the missing type (0 none, 1 zero, 2 NaN).
        var decisionType: UInt8
    }

    let splits: [Split]
    let leafValue: [Double]
    /// Start of each categorical bitset in `categoryWords`, plus the end.
    let categoryBoundaries: [Int]
    let categoryWords: [UInt32]

    /// Reads a tree from the `key=value` lines of its block.
    /// - Throws: `invalid_argument` naming the field when a list is malformed, lists differ in length, a link is out
    ///   of range or links form a cycle; `not_implemented` for linear trees.
    init(_ fields: [String: Substring], index: Int, featureCount: Int) throws {
        func list<T>(_ key: String, _ parse: (Substring) -> T?) throws -> [T] {
            guard let text = fields[key] else { return [] }
            return try text.split(separator: " ").map {
                guard let value = parse($0) else { throw CairnError.invalid("tree \(index) of the LightGBM model has a malformed '\(key)'") }
                return value
            }
        }
        guard let leavesText = fields["num_leaves"], let leaves = Int(leavesText), (1...10_000_000).contains(leaves) else {
            throw CairnError.invalid("tree \(index) of the LightGBM model has no valid num_leaves")
        }
        if let linear = fields["is_linear"], linear != "0" {
            throw CairnError(.notImplemented, "LightGBM linear trees (is_linear=1) are not supported")
        }
        leafValue = try list("leaf_value") { Double($0) }
        let count = leaves - 1
        let feature = try list("split_feature") { Int32($0) }
        let threshold = try list("threshold") { Double($0) }
        let decisionType = try list("decision_type") { UInt8($0) }
        let left = try list("left_child") { Int32($0) }
        let right = try list("right_child") { Int32($0) }
        categoryBoundaries = try list("cat_boundaries") { Int($0) }
        categoryWords = try list("cat_threshold") { UInt32($0) }
        guard leafValue.count == leaves, [feature.count, threshold.count, decisionType.count, left.count, right.count].allSatisfy({ $0 == count }) else {
            throw CairnError.invalid("tree \(index) of the LightGBM model has lists that do not match num_leaves=\(leaves)")
        }
        splits = (0..<count).map {
            Split(threshold: threshold[$0], feature: feature[$0], left: left[$0], right: right[$0], decisionType: decisionType[$0])
        }
        try validate(index: index, featureCount: featureCount)
    }

    private func validate(index: Int, featureCount: Int) throws {
        guard categoryBoundaries.allSatisfy({ (0...categoryWords.count).contains($0) }), zip(categoryBoundaries, categoryBoundaries.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw CairnError.invalid("tree \(index) of the LightGBM model has category bounds out of range")
        }
        // Each split and leaf must be reached exactly once from the root: no cycles, no shared children.
        var seenSplits = [Bool](repeating: false, count: splits.count)
        var seenLeaves = [Bool](repeating: false, count: leafValue.count)
        var stack: [Int32] = splits.isEmpty ? [] : [0]
        while let node = stack.popLast() {
            if node < 0 {
                let leaf = Int(~node)
                guard leaf < seenLeaves.count, !seenLeaves[leaf] else { throw CairnError.invalid("tree \(index) of the LightGBM model links a leaf out of range or twice") }
                seenLeaves[leaf] = true
                continue
            }
            let split = Int(node)
            guard split < seenSplits.count, !seenSplits[split] else { throw CairnError.invalid("tree \(index) of the LightGBM model links a split out of range or in a cycle") }
            seenSplits[split] = true
            let node = splits[split]
            guard (0..<featureCount).contains(Int(node.feature)) else {
                throw CairnError.invalid("tree \(index) of the LightGBM model splits on feature \(node.feature) of \(featureCount)")
            }
            if node.decisionType & 1 == 1 {
                let value = node.threshold
                guard value >= 0, value < Double(categoryBoundaries.count - 1), value == value.rounded() else {
                    throw CairnError.invalid("tree \(index) of the LightGBM model has a categorical split without its category set")
                }
            }
            stack.append(node.left)
            stack.append(node.right)
        }
    }

    /// The tree in the shared kernel's nodes, splits first and then leaves, ready to join a `FlatForest<Double>`.
    /// A missing value is zero unless the split tracks `NaN` or zero-as-missing; a category goes left when in the set.
    var flat: FlatForest<Double>.Tree {
        let leafBase = Int32(splits.count)
        func node(_ link: Int32) -> Int32 { link >= 0 ? link : leafBase + ~link }
        let splitNodes = splits.map { split -> FlatForest<Double>.Node in
            let type = split.decisionType
            let defaultLeft = type & 2 != 0
            let (kind, nanGoesLeft): (FlatForest<Double>.SplitKind, Bool) =
                switch (type & 1, (type >> 2) & 3) {
                case (1, _): (.categoryGoesLeft, false)
                case (_, 1): (.lessOrEqualZeroAsMissing, defaultLeft)
                case (_, 2): (.lessOrEqual, defaultLeft)
                default: (.lessOrEqual, 0 <= split.threshold)
                }
            return .split(
                kind, feature: Int(split.feature), threshold: split.threshold, nanGoesLeft: nanGoesLeft, left: node(split.left),
                right: node(split.right))
        }
        let leaves = leafValue.enumerated().map { FlatForest<Double>.Node.leaf($1, at: leafBase + Int32($0)) }
        let sets = zip(categoryBoundaries, categoryBoundaries.dropFirst()).map { Array(categoryWords[$0..<$1]) }
        return FlatForest<Double>.Tree(nodes: splitNodes + leaves, categorySets: sets)
    }
}
