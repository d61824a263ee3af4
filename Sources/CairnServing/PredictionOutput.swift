import CairnCore
import CairnML

/// Turns a predictor's output ``Table`` into what the protocols return.
public enum PredictionOutput {
    /// The Open Inference Protocol output tensors: `label` (BYTES, `[batch]`) and `probabilities` (FP64,
    /// `[batch, classes]`) for a classifier, `prediction` (FP64, `[batch]`) for a regressor.
    /// - Parameter requested: the output names asked for, or `nil` for all.
    /// - Throws: `invalidArgument` for a requested name the model does not give.
    public static func tensors(_ predictions: Table, classes: [String], requested: [String]? = nil) throws -> [InferenceTensor] {
        var all: [InferenceTensor] = []
        let rows = predictions.rowCount
        if let label = predictions[PredictionColumns.label] {
            all.append(InferenceTensor(
                name: ServingSignature.labelOutput, datatype: .bytes, shape: [rows], values: label.strings().map { $0.map(FeatureValue.text) ?? .missing }))
            let columns = try classes.map { try predictions.column(named: PredictionColumns.probability(of: $0)).doubles() }
            var values: [FeatureValue] = []
            values.reserveCapacity(rows * classes.count)
            for row in 0..<rows {
                for column in columns { values.append(.number(column[row])) }
            }
            all.append(InferenceTensor(name: ServingSignature.probabilitiesOutput, datatype: .fp64, shape: [rows, classes.count], values: values))
        }
        if let prediction = predictions[PredictionColumns.prediction] {
            all.append(InferenceTensor(
                name: ServingSignature.predictionOutput, datatype: .fp64, shape: [rows], values: prediction.doubles().map(FeatureValue.number)))
        }
        guard let requested else { return all }
        return try requested.map { name in
            guard let tensor = all.first(where: { $0.name == name }) else {
                throw CairnError.invalid("Unknown output '\(name)'; the model gives \(InputTable.list(all.map(\.name)))")
            }
            return tensor
        }
    }

    /// What `mlflow models serve` returns for the same kind of model: one predicted label per row for a classifier
    /// (a number when the class names are integers, as scikit-learn's integer labels), one number per row for a
    /// regressor.
    public static func mlflowPredictions(_ predictions: Table) -> [FeatureValue] {
        if let label = predictions[PredictionColumns.label] {
            let labels = label.strings()
            let numeric = labels.allSatisfy { $0.flatMap { Int64($0) } != nil }
            return labels.map { text in
                guard let text else { return .missing }
                return numeric ? .number(Double(Int64(text)!)) : .text(text)
            }
        }
        return (predictions[PredictionColumns.prediction]?.doubles() ?? []).map(FeatureValue.number)
    }
}
