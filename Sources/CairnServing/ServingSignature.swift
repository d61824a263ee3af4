import CairnML

/// What a served model takes and gives, by name and kind: the basis of input checks and of the metadata the
/// protocols report.
public struct ServingSignature: Sendable, Equatable {
    /// One input feature.
    public struct Input: Sendable, Equatable {
        public var name: String
        /// Whether the feature holds categories (text) rather than numbers.
        public var isCategorical: Bool
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

    /// The signature of a predictor. Cairn's native models tell which features are categorical; other predictors
    /// take numeric features. Every model takes missing values (NaN), as the libraries do: trees route them by their
    /// learned direction, an ONNX imputer fills them, and a model without a rule for them gives what its library
    /// gives.
    public init(of predictor: any Predictor) {
        if let model = predictor as? TabularModel {
            inputs = model.schema.features.map { Input(name: $0.name, isCategorical: $0.categories != nil) }
        } else {
            inputs = predictor.featureNames.map { Input(name: $0, isCategorical: false) }
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
