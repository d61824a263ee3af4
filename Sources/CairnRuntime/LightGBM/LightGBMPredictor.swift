import CairnCore
import CairnML
import Foundation

/// Scores rows with a gradient-boosted tree model saved by LightGBM (`save_model` to a text file), giving the same
/// double outputs as LightGBM's own `predict`.
public struct LightGBMPredictor: Predictor {
    public let task: LearningTask
    public let featureNames: [String]
    public let classes: [String]
    /// The trees, in model order.
    let forest: FlatForest<Double>
    /// Trees per boosting round: one per class for multiclass models.
    let treesPerIteration: Int
    let objective: LightGBMObjective
    /// Whether predictions are the mean over rounds (random-forest boosting, `average_output`).
    let averageOutput: Bool
    /// The model format version LightGBM wrote, such as `LightGBM v4`.
    let producer: String?

    /// Reads a model from the text of a LightGBM model file.
    /// - Throws: `invalid_argument` for a malformed model; `not_implemented` for an objective or tree kind Cairn
    ///   does not score.
    public init(text: String) throws {
        let blocks = text.components(separatedBy: "\nTree=")
        guard let header = blocks.first, header.hasPrefix("tree\n") || header.hasPrefix("tree\r\n") else {
            throw CairnError.invalid("the file is not a LightGBM text model (it does not start with 'tree')")
        }
        let fields = Self.fields(header)
        guard let maxFeature = fields["max_feature_idx"].flatMap({ Int($0) }), (0..<1_000_000).contains(maxFeature),
            let perIteration = fields["num_tree_per_iteration"].flatMap({ Int($0) }), (1...100_000).contains(perIteration)
        else {
            throw CairnError.invalid("the LightGBM model lacks a valid max_feature_idx or num_tree_per_iteration")
        }
        objective = try LightGBMObjective(line: fields["objective"] ?? "regression")
        treesPerIteration = perIteration
        producer = fields["version"].map { "LightGBM \($0)" }
        averageOutput = header.split(whereSeparator: \.isNewline).contains("average_output")
        let names = fields["feature_names"]?.split(separator: " ").map(String.init) ?? []
        featureNames = names.count == maxFeature + 1 ? names : (0...maxFeature).map { "Column_\($0)" }
        forest = try FlatForest(trees: try blocks.dropFirst().enumerated().map { index, block in
            let body = block.components(separatedBy: "\nend of trees").first ?? block
            return try LightGBMTree(Self.fields(body), index: index, featureCount: maxFeature + 1).flat
        })
        task = objective.task
        classes = task == .binary ? ["0", "1"] : task == .multiclass ? (0..<perIteration).map(String.init) : []
    }

    /// The `key=value` lines of a block.
    private static func fields(_ block: String) -> [String: Substring] {
        var fields: [String: Substring] = [:]
        for line in block.split(whereSeparator: \.isNewline) {
            guard let equals = line.firstIndex(of: "=") else { continue }
            fields[String(line[..<equals])] = line[line.index(after: equals)...]
        }
        return fields
    }

    public func predict(_ table: Table) throws -> Table {
        let rows = try FeatureRows(table, names: featureNames)
        var scores = self.scores(rows.values, rowCount: rows.rowCount)
        let groups = treesPerIteration
        for row in 0..<rows.rowCount {
            var slice = scores[row * groups..<(row + 1) * groups]
            objective.transform(&slice)
            scores.replaceSubrange(row * groups..<(row + 1) * groups, with: slice)
        }
        switch task {
        case .regression:
            return PredictionTable.regression(scores)
        case .binary:
            return PredictionTable.classification(
                classes: classes, labels: scores.map { $0 > 0.5 ? 1 : 0 }, probabilities: scores.flatMap { [1 - $0, $0] })
        case .multiclass:
            let labels = (0..<rows.rowCount).map { PredictionTable.argmax(scores[$0 * groups..<($0 + 1) * groups]) }
            return PredictionTable.classification(classes: classes, labels: labels, probabilities: scores)
        }
    }

    /// The raw scores of every row, `rowCount × treesPerIteration`: a double sum over trees in model order.
    func scores(_ features: [Double], rowCount: Int) -> [Double] {
        let groups = treesPerIteration
        let width = featureNames.count
        var scores = [Double](repeating: 0, count: rowCount * groups)
        features.withUnsafeBufferPointer { features in
            scores.withUnsafeMutableBufferPointer { scores in
                forest.forEachLeaf(features, rowCount: rowCount, width: width) { tree, row, _, value in
                    scores[row * groups + tree % groups] += value
                }
            }
        }
        if averageOutput, forest.treeCount >= groups {
            let rounds = Double(forest.treeCount / groups)
            for index in scores.indices { scores[index] /= rounds }
        }
        return scores
    }
}
