import CairnML

/// What a served model takes and gives, by name and kind: the basis of input checks and of the metadata the
/// protocols report.
public struct ServingSignature: Sendable, Equatable {
    /// One input feature.
    public struct Input: Sendable, Equatable {
        public var name: String
        /// Whether the feature holds categories (text) rather than numbers.
        public var isCategorical: Bool
        /// Whether a missing value (`null`, NaN) is accepted.
        public var allowsMissing: Bool
    }

    /// One output tensor: its name, datatype and shape (`-1` is the batch dimension).
    public struct Output: Sendable, Equatable {
        public var name: String
        public var datatype: TensorDatatype
        public var shape: [Int]
    }

    /// The output tensor with the predicted class.
    public static let labelOutput = "label"
    /// The output tensor with one probability per class, `[batch, classes]`.
    public static let probabilitiesOutput = "probabilities"
    /// The output tensor of a regressor.
    public static let predictionOutput = "prediction"

    public var inputs: [Input]
    public var outputs: [Output]

    /// The signature of a predictor. Cairn's native models tell which features are categorical and handle missing
    /// values; other predictors are taken as numeric features without missing values.
    public init(of predictor: any Predictor) {
        if let model = predictor as? TabularModel {
            inputs = model.schema.features.map { Input(name: $0.name, isCategorical: $0.categories != nil, allowsMissing: true) }
        } else {
            inputs = predictor.featureNames.map { Input(name: $0, isCategorical: false, allowsMissing: false) }
        }
        if predictor.task == .regression {
            outputs = [Output(name: Self.predictionOutput, datatype: .fp64, shape: [-1])]
        } else {
            outputs = [
                Output(name: Self.labelOutput, datatype: .bytes, shape: [-1]),
                Output(name: Self.probabilitiesOutput, datatype: .fp64, shape: [-1, predictor.classes.count]),
            ]
        }
    }

    /// The input names, in order.
    public var inputNames: [String] { inputs.map(\.name) }
}
