import CairnCore
import CairnML
import CairnRuntime

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
            let columns = try probabilityColumns(predictions, classes: classes)
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

    /// What `mlflow models serve` returns for the same model, one element per row. With `.labels`: the predicted
    /// label for a classifier (a number when the class names are integers, as scikit-learn's integer labels), the
    /// number for a regressor. With `.boosterOutput` (a native XGBoost or LightGBM booster): a binary classifier's
    /// probability of its second class, a multiclass classifier's list of class probabilities, a regressor's number.
    public static func mlflowPredictions(_ predictions: Table, classes: [String], pyfunc: PyfuncPrediction) throws -> [ScoringPrediction] {
        if let label = predictions[PredictionColumns.label] {
            if pyfunc == .boosterOutput {
                let columns = try probabilityColumns(predictions, classes: classes)
                if columns.count == 2 { return columns[1].map { .value(.number($0)) } }
                return (0..<predictions.rowCount).map { row in .values(columns.map { $0[row] }) }
            }
            let labels = label.strings()
            let numeric = labels.allSatisfy { $0.flatMap { Int64($0) } != nil }
            return labels.map { text in
                guard let text else { return .value(.missing) }
                return .value(numeric ? .number(Double(Int64(text)!)) : .text(text))
            }
        }
        return (predictions[PredictionColumns.prediction]?.doubles() ?? []).map { .value(.number($0)) }
    }

    /// Each class's probability column, in class order.
    private static func probabilityColumns(_ predictions: Table, classes: [String]) throws -> [[Double]] {
        try classes.map { try predictions.column(named: PredictionColumns.probability(of: $0)).doubles() }
    }
}

/// One row's element of MLflow's `predictions`: a single value, or a list of numbers.
public enum ScoringPrediction: Sendable, Equatable {
    case value(FeatureValue)
    case values([Double])
}
