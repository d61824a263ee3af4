/// A binary decision tree over raw feature values, as learned by boosting or a forest.
///
/// Internal nodes are indexed from 0 (the root); a child reference `c < 0` names leaf `~c`. A numeric split sends
/// a row left when its value is at most `threshold`, and a missing value the way `defaultLeft` says; a categorical
/// split sends a row left when its category code is in `leftCategories`, and missing or unknown categories right.
public struct DecisionTree: Sendable, Codable, Equatable {
    /// The feature each internal node tests.
    public var splitFeature: [Int] = []
    /// The numeric threshold of each internal node (unused by categorical splits).
    public var threshold: [Double] = []
    /// The category codes sent left by each categorical node; empty for numeric nodes.
    public var leftCategories: [[Int]] = []
    /// Whether a missing value goes left at each numeric node.
    public var defaultLeft: [Bool] = []
    /// Each internal node's left child.
    public var leftChild: [Int] = []
    /// Each internal node's right child.
    public var rightChild: [Int] = []
    /// The loss reduction each internal node's split achieved in training.
    public var gain: [Double] = []
    /// The training weight (rows) that reached each internal node.
    public var nodeCover: [Double] = []
    /// The value of each leaf.
    public var leafValue: [Double] = []
    /// The training weight (rows) that reached each leaf.
    public var leafCover: [Double] = []

    /// A tree that is a single leaf.
    public init(leafValue: Double, cover: Double) {
        self.leafValue = [leafValue]
        self.leafCover = [cover]
    }

    /// The number of internal nodes.
    public var nodeCount: Int { splitFeature.count }

    /// Whether internal node `node` sends `value` to its left child.
    @inline(__always)
    public func goesLeft(node: Int, value: Double) -> Bool {
        if value.isNaN { return leftCategories[node].isEmpty && defaultLeft[node] }
        if leftCategories[node].isEmpty { return value <= threshold[node] }
        return leftCategories[node].contains(Int(value))
    }

    /// The index of the leaf row `row` of `columns` reaches.
    @inline(__always)
    public func leaf(columns: [[Double]], row: Int) -> Int {
        guard nodeCount > 0 else { return 0 }
        var node = 0
        while true {
            let next = goesLeft(node: node, value: columns[splitFeature[node]][row]) ? leftChild[node] : rightChild[node]
            if next < 0 { return ~next }
            node = next
        }
    }

    /// The value of the leaf each row of `features` reaches.
    public func predict(_ features: FeatureMatrix) -> [Double] {
        (0..<features.rowCount).map { leafValue[leaf(columns: features.columns, row: $0)] }
    }
}
