import CairnCore

/// The trees of one model flattened into a single node array, and the one evaluation kernel every tree predictor
/// (ONNX tree ensembles, XGBoost, LightGBM) shares.
///
/// Rows go through the forest in blocks: each tree is walked for every row of a block before the next tree, so the
/// tree stays in cache, and the walks of the block's rows advance one level at a time together, so their
/// dependent loads overlap in the processor. A leaf links to itself on both sides, which lets a walk take a fixed
/// number of steps without testing for leaves; a block stops early once no row moves. Each row still meets the
/// trees in model order, so sums keep the source library's order and stay bit-identical.
///
/// `Value` is the type the source library compares in: `Float` for ONNX and XGBoost, `Double` for LightGBM.
struct FlatForest<Value: BinaryFloatingPoint & Sendable>: Sendable {
    /// How a split sends a row down. `NaN` goes the node's default way unless the kind says otherwise.
    enum SplitKind: UInt32, Sendable {
        /// `x <= threshold` goes left.
        case lessOrEqual
        /// `x < threshold` goes left.
        case less
        /// `x == threshold` goes left.
        case equal
        /// `x != threshold` goes left, `NaN` included (onnxruntime's `BRANCH_NEQ`).
        case notEqual
        /// LightGBM's zero-as-missing: `NaN` and `|x| ≤ 1e-35` go the default way, otherwise `x <= threshold` goes left.
        case lessOrEqualZeroAsMissing
        /// A category in the node's set goes right, any other value left (XGBoost).
        case categoryGoesRight
        /// A category in the node's set goes left, any other value right (LightGBM).
        case categoryGoesLeft
        /// A leaf: both links point to the node itself.
        case leaf
    }

    /// One node in 16 bytes (24 for `Double`): a walk touches one such record per level.
    struct Node: Sendable {
        /// The threshold of a numeric split, the set index of a categorical split, or the value of a leaf.
        var threshold: Value
        /// Bits 0–23 the feature, bits 24–30 the `SplitKind`, bit 31 whether `NaN` goes left.
        var info: UInt32
        /// Absolute indices of the children in the forest's node array.
        var left: Int32
        var right: Int32

        /// The largest feature index a node can name.
        static var maxFeature: Int { 0xFF_FFFF }

        /// A split on `feature`, which the caller checked is at most `maxFeature` if the node can be reached.
        static func split(_ kind: SplitKind, feature: Int, threshold: Value, nanGoesLeft: Bool, left: Int32, right: Int32) -> Node {
            let info = UInt32(truncatingIfNeeded: feature) & 0xFF_FFFF | kind.rawValue << 24 | (nanGoesLeft ? 1 << 31 : 0)
            return Node(threshold: threshold, info: info, left: left, right: right)
        }

        /// A leaf at absolute index `index` holding `value`.
        static func leaf(_ value: Value, at index: Int32) -> Node {
            Node(threshold: value, info: SplitKind.leaf.rawValue << 24, left: index, right: index)
        }

        @inline(__always) var feature: Int { Int(info & 0xFF_FFFF) }
        @inline(__always) var kind: SplitKind { SplitKind(rawValue: (info >> 24) & 0x7F) ?? .leaf }
        @inline(__always) var nanGoesLeft: Bool { info >> 31 != 0 }
    }

    let nodes: [Node]
    /// The root of each tree, in evaluation order.
    let roots: [Int32]
    /// The most steps a walk down each tree takes (its depth).
    let depths: [Int32]
    /// The split kind every split shares, when there is one and it is `lessOrEqual` or `less` (the fast path).
    let uniformKind: SplitKind?
    /// Category sets as bitsets: set `s` is `categoryWords[categoryBounds[s]..<categoryBounds[s + 1]]`.
    let categoryBounds: [Int]
    let categoryWords: [UInt32]

    /// The rows a block holds.
    static var blockSize: Int { 64 }

    /// Builds a forest from nodes whose links were checked by the caller: every link in range and each tree
    /// acyclic (a leaf links to itself).
    /// - Parameters:
    ///   - categorySets: bitsets, one per set a categorical split's threshold names (bit `c` of word `c / 32`).
    /// - Throws: `invalid_argument` when the category sets are too large to hold.
    init(nodes: [Node], roots: [Int32], categorySets: [[UInt32]] = []) throws {
        guard categorySets.count < 1 << 24, categorySets.reduce(0, { $0 + $1.count }) <= 1 << 24 else {
            throw CairnError.invalid("the model's category sets are too large")
        }
        self.nodes = nodes
        self.roots = roots
        categoryBounds = categorySets.reduce(into: [0]) { $0.append($0.last! + $1.count) }
        categoryWords = categorySets.flatMap { $0 }
        depths = roots.map { Self.depth(from: $0, nodes) }
        let kinds = Set(nodes.map(\.kind)).subtracting([.leaf])
        uniformKind = kinds.count == 1 && (kinds.first == .lessOrEqual || kinds.first == .less) ? kinds.first : nil
    }

    /// One tree with links and category set numbers local to it, its root at node 0: what a model file's tree
    /// becomes before it joins a forest.
    struct Tree: Sendable {
        var nodes: [Node]
        var categorySets: [[UInt32]] = []
    }

    /// Joins trees, in evaluation order, into one forest, moving their links and set numbers to absolute ones.
    /// - Throws: `invalid_argument` when the category sets are too large to hold.
    init(trees: [Tree]) throws {
        var nodes: [Node] = []
        var roots: [Int32] = []
        var sets: [[UInt32]] = []
        for tree in trees {
            let offset = Int32(nodes.count)
            roots.append(offset)
            for var node in tree.nodes {
                node.left += offset
                node.right += offset
                if node.kind == .categoryGoesLeft || node.kind == .categoryGoesRight { node.threshold += Value(sets.count) }
                nodes.append(node)
            }
            sets += tree.categorySets
        }
        try self.init(nodes: nodes, roots: roots, categorySets: sets)
    }

    /// The bitset of a list of categories; those outside `0..<2^24` are left out (no value reaches them).
    static func bitset(_ categories: some Sequence<Int>) -> [UInt32] {
        let valid = categories.filter { (0..<(1 << 24)).contains($0) }
        var bits = [UInt32](repeating: 0, count: (valid.max() ?? -1) / 32 + 1)
        for category in valid { bits[category / 32] |= 1 << UInt32(category % 32) }
        return bits
    }

    /// The number of levels below `root`: how many steps reach any of its leaves.
    private static func depth(from root: Int32, _ nodes: [Node]) -> Int32 {
        var deepest: Int32 = 0
        var stack: [(Int32, Int32)] = [(root, 0)]
        while let (index, level) = stack.popLast() {
            let node = nodes[Int(index)]
            if node.kind == .leaf {
                deepest = max(deepest, level)
            } else {
                stack.append((node.left, level + 1))
                stack.append((node.right, level + 1))
            }
        }
        return deepest
    }

    /// The number of trees.
    var treeCount: Int { roots.count }

    /// Finds the leaf each tree gives each row of a row-major matrix and calls `body(tree, row, leaf, value)` for
    /// it: for every row, trees in order. `value` is the leaf's stored value.
    /// - Precondition: `rows` holds `rowCount × width` values and `width` exceeds every feature a split reads.
    @inline(__always)
    func forEachLeaf(_ rows: UnsafeBufferPointer<Value>, rowCount: Int, width: Int, _ body: (Int, Int, Int, Value) -> Void) {
        precondition(rows.count >= rowCount * width, "a matrix of \(rowCount) × \(width) needs as many values")
        guard let base = rows.baseAddress, rowCount > 0 else { return }
        nodes.withUnsafeBufferPointer { nodes in
            withUnsafeTemporaryAllocation(of: Int32.self, capacity: Self.blockSize) { leaves in
                let nodes = nodes.baseAddress!
                for start in stride(from: 0, to: rowCount, by: Self.blockSize) {
                    let count = min(Self.blockSize, rowCount - start)
                    let block = base + start * width
                    for tree in 0..<roots.count {
                        walk(tree, block, width: width, count: count, nodes, leaves.baseAddress!)
                        for offset in 0..<count {
                            let leaf = Int(leaves[offset])
                            body(tree, start + offset, leaf, nodes[leaf].threshold)
                        }
                    }
                }
            }
        }
    }

    /// Walks tree `tree` for `count` rows, leaving the index of the leaf each reaches in `leaves`.
    @inline(__always)
    private func walk(
        _ tree: Int, _ rows: UnsafePointer<Value>, width: Int, count: Int, _ nodes: UnsafePointer<Node>, _ leaves: UnsafeMutablePointer<Int32>
    ) {
        let root = roots[tree]
        for offset in 0..<count { leaves[offset] = root }
        let depth = Int(depths[tree])
        switch uniformKind {
        case .lessOrEqual?: Self.steps(depth, rows, width, count, nodes, leaves) { node, x in x <= node.threshold }
        case .less?: Self.steps(depth, rows, width, count, nodes, leaves) { node, x in x < node.threshold }
        default: Self.steps(depth, rows, width, count, nodes, leaves, goesLeft)
        }
    }

    /// Advances every row of a block one level per step, `depth` steps at most, stopping once no row moves.
    /// `numericLeft(node, x)` is the split's test for a number; `NaN` adds the node's default. The step has no
    /// branch on the data: the test's outcome selects which of the two adjacent child links to load, because split
    /// outcomes are unpredictable and a mispredicted branch costs more than the whole step.
    @inline(__always)
    private static func steps(
        _ depth: Int, _ rows: UnsafePointer<Value>, _ width: Int, _ count: Int, _ nodes: UnsafePointer<Node>,
        _ leaves: UnsafeMutablePointer<Int32>, _ numericLeft: (Node, Value) -> Bool
    ) {
        let leftOffset = MemoryLayout<Node>.offset(of: \Node.left)!
        let linkStride = MemoryLayout<Node>.offset(of: \Node.right)! - leftOffset
        if count < 4 {
            // Too few rows to overlap: a branch the processor predicts runs ahead of the loads instead.
            for offset in 0..<count {
                var index = leaves[offset]
                for _ in 0..<depth {
                    let node = nodes[Int(index)]
                    let x = rows[offset &* width &+ node.feature]
                    if numericLeft(node, x) || (node.nanGoesLeft && x.isNaN) { index = node.left } else { index = node.right }
                }
                leaves[offset] = index
            }
            return
        }
        for _ in 0..<depth {
            var moved: Int32 = 0
            for offset in 0..<count {
                let index = leaves[offset]
                let node = nodes[Int(index)]
                let x = rows[offset &* width &+ node.feature]
                let test = unsafeBitCast(numericLeft(node, x), to: UInt8.self)
                let nanLeft = unsafeBitCast(x.isNaN, to: UInt8.self) & UInt8(truncatingIfNeeded: node.info >> 31)
                let goesRight = Int(1 &- (test | nanLeft))
                let next = UnsafeRawPointer(nodes + Int(index)).load(fromByteOffset: leftOffset &+ goesRight &* linkStride, as: Int32.self)
                moved |= next ^ index
                leaves[offset] = next
            }
            if moved == 0 { return }
        }
    }

    /// The general split test, for forests that mix kinds or have categorical splits. Kinds that route `NaN`
    /// themselves return the default for it, so the `NaN` default that `steps` adds agrees with them.
    @inline(__always)
    private func goesLeft(_ node: Node, _ x: Value) -> Bool {
        switch node.kind {
        case .lessOrEqual: x <= node.threshold
        case .less: x < node.threshold
        case .equal: x == node.threshold
        case .notEqual: x != node.threshold
        case .lessOrEqualZeroAsMissing:
            x.isNaN || (x >= -Self.zeroThreshold && x <= Self.zeroThreshold) ? node.nanGoesLeft : x <= node.threshold
        case .categoryGoesRight: x.isNaN ? node.nanGoesLeft : !inSet(Int(node.threshold), x)
        case .categoryGoesLeft: x.isNaN ? node.nanGoesLeft : inSet(Int(node.threshold), x)
        case .leaf: true
        }
    }

    /// LightGBM's `kZeroThreshold` (a float): values this close to zero count as zero for zero-as-missing splits.
    private static var zeroThreshold: Value { Value(Float(1e-35)) }

    /// Whether the integer part of `x` is a category of set `set` (negative and fractional-only values never are).
    @inline(__always)
    private func inSet(_ set: Int, _ x: Value) -> Bool {
        let start = categoryBounds[set]
        guard x >= 0, x < Value((categoryBounds[set + 1] - start) * 32) else { return false }
        let category = Int(x)
        return (categoryWords[start + category / 32] >> UInt32(category % 32)) & 1 == 1
    }
}
