import CairnCore
import CairnML
import Foundation

/// Scores rows with a gradient-boosted tree model saved by XGBoost (`save_model` to `.json` or `.ubj`), giving the
/// same float32 outputs as XGBoost's own `predict`.
public struct XGBoostPredictor: Predictor {
    public let task: LearningTask
    public let featureNames: [String]
    public let classes: [String]
    /// The trees, in model order.
    let forest: FlatForest<Float>
    /// The output group each tree adds to.
    let treeGroups: [Int]
    /// The training categories of categorical features, when the model saved them.
    let categories: XGBoostCategories
    /// The starting margin of each output group.
    let baseMargins: [Float]
    let objective: XGBoostObjective
    /// The XGBoost version that saved the model, such as `xgboost 3.2.0`.
    let producer: String?

    /// Reads a model from the bytes of a `.json` or `.ubj` file (told apart by the first byte).
    /// - Throws: `invalid_argument` for a malformed model; `not_implemented` for a booster, objective or tree kind
    ///   Cairn does not score (gblinear, dart, multi-target trees).
    public init(data: Data) throws {
        try self.init(document: Self.isJSON(data) ? try Document.json(data) : try UBJSONReader.read(data))
    }

    /// Whether model bytes are JSON text (`{` then a quote or space) rather than UBJSON (`{` then a length marker).
    static func isJSON(_ data: Data) -> Bool {
        let start = data.prefix(2).map { $0 }
        return start.first == UInt8(ascii: "{") && (start.count == 1 || start[1] == UInt8(ascii: "\"") || start[1] <= 0x20)
    }

    init(document: Document) throws {
        let learner = try document["learner"]
        let parameters = try learner["learner_model_param"]
        let booster = try learner["gradient_booster"]
        let boosterName = try booster["name"].string("gradient_booster.name")
        guard boosterName == "gbtree" else {
            throw CairnError(.notImplemented, "the XGBoost booster '\(boosterName)' is not supported (only gbtree)")
        }
        objective = try XGBoostObjective(name: try learner["objective"]["name"].string("objective.name"))
        let featureCount = try parameters["num_feature"].int("num_feature")
        let classCount = try parameters["num_class"].int("num_class")
        if let targets = parameters.optional("num_target"), try targets.int("num_target") > 1 {
            throw CairnError(.notImplemented, "multi-target XGBoost models are not supported")
        }
        let groups = max(classCount, 1)
        guard (0...1_000_000).contains(featureCount), groups <= 100_000 else {
            throw CairnError.invalid("the XGBoost model declares \(featureCount) features and \(groups) classes")
        }
        let model = try booster["model"]
        let treeDocuments = try model["trees"].elements("trees")
        let treeInfo = try model["tree_info"].ints("tree_info")
        guard treeInfo.count == treeDocuments.count, treeInfo.allSatisfy({ (0..<groups).contains($0) }) else {
            throw CairnError.invalid("the XGBoost model's tree_info does not match its trees")
        }
        forest = try FlatForest(trees: try treeDocuments.enumerated().map { index, tree in
            if let size = try tree["tree_param"].optional("size_leaf_vector"), try size.int("size_leaf_vector") > 1 {
                throw CairnError(.notImplemented, "multi-target XGBoost trees are not supported")
            }
            return try XGBoostTree(tree, index: index, featureCount: featureCount).flat
        })
        treeGroups = treeInfo
        categories = try XGBoostCategories(model.optional("cats"), featureCount: featureCount)
        let scores = try Self.baseScores(try parameters["base_score"].string("base_score"), groups: groups)
        baseMargins = scores.map(objective.margin(ofBaseScore:))
        task = objective.task
        let version = try document.optional("version")?.ints("version").map(String.init).joined(separator: ".")
        producer = version.map { "xgboost \($0)" }
        classes = task == .binary ? ["0", "1"] : task == .multiclass ? (0..<groups).map(String.init) : []
        let names = try learner.optional("feature_names")?.elements("feature_names").map { try $0.string("feature_names") } ?? []
        featureNames = names.count == featureCount ? names : (0..<featureCount).map { "f\($0)" }
    }

    /// Parses `base_score`: a plain number (XGBoost 2) or a bracketed list, one per output group (XGBoost 3).
    private static func baseScores(_ text: String, groups: Int) throws -> [Float] {
        let trimmed = text.trimmingCharacters(in: CharacterSet(charactersIn: "[] "))
        let values = trimmed.split(separator: ",").map { Float($0.trimmingCharacters(in: .whitespaces)) }
        guard !values.isEmpty, values.allSatisfy({ $0 != nil }) else {
            throw CairnError.invalid("the XGBoost model's base_score '\(text)' is not a number")
        }
        let scores = values.map { $0! }
        return scores.count == groups ? scores : [Float](repeating: scores[0], count: groups)
    }

    public func predict(_ table: Table) throws -> Table {
        let rows = try FeatureRows(table, names: featureNames) { feature, column in try categories.codes(column, feature: feature) }
        let margins = self.margins(rows.values.map { Float($0) }, rowCount: rows.rowCount)
        return output(margins, rowCount: rows.rowCount)
    }

    /// The margins of every row, `rowCount × groups`, accumulated in float32 from the base margin in tree order.
    func margins(_ features: [Float], rowCount: Int) -> [Float] {
        let groups = baseMargins.count
        let width = featureNames.count
        var margins = [Float](repeating: 0, count: rowCount * groups)
        for row in 0..<rowCount {
            for group in 0..<groups { margins[row * groups + group] = baseMargins[group] }
        }
        features.withUnsafeBufferPointer { features in
            treeGroups.withUnsafeBufferPointer { treeGroups in
                margins.withUnsafeMutableBufferPointer { margins in
                    forest.forEachLeaf(features, rowCount: rowCount, width: width) { tree, row, _, value in
                        margins[row * groups + treeGroups[tree]] += value
                    }
                }
            }
        }
        return margins
    }

    private func output(_ margins: [Float], rowCount: Int) -> Table {
        switch task {
        case .regression:
            let values = objective == .exponential ? margins.map { expf($0) } : margins
            return PredictionTable.regression(values.map(Double.init))
        case .binary:
            let positive = margins.map(XGBoostObjective.sigmoid)
            let probabilities = positive.flatMap { [Double(1 - $0), Double($0)] }
            return PredictionTable.classification(classes: classes, labels: positive.map { $0 > 0.5 ? 1 : 0 }, probabilities: probabilities)
        case .multiclass:
            let groups = baseMargins.count
            var values = margins
            var labels: [Int32] = []
            for row in 0..<rowCount {
                var slice = values[row * groups..<(row + 1) * groups]
                XGBoostObjective.softmax(&slice)
                values.replaceSubrange(row * groups..<(row + 1) * groups, with: slice)
                labels.append(PredictionTable.argmax(slice))
            }
            return PredictionTable.classification(classes: classes, labels: labels, probabilities: values.map(Double.init))
        }
    }
}
