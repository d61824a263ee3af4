import CairnML

/// What a model file holds, as `cairn models inspect` shows it: its format, signature, size and anything Cairn
/// cannot evaluate.
public struct ModelSummary: Sendable, Equatable, Codable {
    /// The file format.
    public let format: ModelFormat
    /// The library and version that wrote the model, when the file says.
    public let producer: String?
    /// Operator set versions by domain (ONNX only; `ai.onnx` for the standard domain).
    public let opsets: [String: Int64]
    /// What the model predicts; `nil` when it cannot be loaded.
    public let task: LearningTask?
    /// The class names of a classifier.
    public let classes: [String]
    /// The input columns, in order.
    public let featureNames: [String]
    public let signature: ModelSignature
    /// The number of trees in the model's tree ensembles.
    public let treeCount: Int
    /// The number of nodes (splits and leaves) in those trees.
    public let treeNodeCount: Int
    /// The number of operators in an ONNX graph.
    public let operatorCount: Int
    /// Every operator, operator set or feature that keeps Cairn from loading the model; empty when it loads.
    public let unsupported: [String]

    public init(
        format: ModelFormat, producer: String? = nil, opsets: [String: Int64] = [:], task: LearningTask?, classes: [String],
        featureNames: [String], signature: ModelSignature, treeCount: Int = 0, treeNodeCount: Int = 0, operatorCount: Int = 0,
        unsupported: [String] = []
    ) {
        self.format = format
        self.producer = producer
        self.opsets = opsets
        self.task = task
        self.classes = classes
        self.featureNames = featureNames
        self.signature = signature
        self.treeCount = treeCount
        self.treeNodeCount = treeNodeCount
        self.operatorCount = operatorCount
        self.unsupported = unsupported
    }
}

extension ModelSignature {
    /// The signature of a model that reads one `[N, F]` float matrix and returns a label and class probabilities,
    /// or a prediction.
    static func matrix(features: Int, classes: Int) -> ModelSignature {
        let input = Value(name: "input", type: "float", shape: [nil, features])
        if classes == 0 { return ModelSignature(inputs: [input], outputs: [Value(name: "prediction", type: "float", shape: [nil])]) }
        return ModelSignature(
            inputs: [input],
            outputs: [Value(name: "label", type: "string", shape: [nil]), Value(name: "probabilities", type: "float", shape: [nil, classes])])
    }
}
