import CairnCore

/// A trained model with everything it needs to predict from a raw ``Table``: the feature schema (how columns
/// become numbers), the target encoding (class names) and the learned estimator. This is what the native model
/// format stores.
public struct TabularModel: Predictor, Codable, Equatable {
    /// The input features.
    public let schema: FeatureSchema
    /// The target column's name in training data.
    public let targetName: String
    /// The task and class names.
    public let target: TargetEncoding
    /// The fitted preprocessing between the schema's features and the estimator, if any.
    public let preprocessor: Preprocessor?
    /// The learned estimator.
    public let estimator: Estimator

    /// Assembles a model from its parts.
    public init(
        schema: FeatureSchema, targetName: String, target: TargetEncoding, preprocessor: Preprocessor? = nil, estimator: Estimator
    ) {
        self.schema = schema
        self.targetName = targetName
        self.target = target
        self.preprocessor = preprocessor
        self.estimator = estimator
    }

    public var task: LearningTask { target.task }
    public var featureNames: [String] { schema.names }
    public var classes: [String] { target.classes }

    /// What the estimator sees of every row of `table`: the schema's features after the preprocessing.
    /// - Throws: as ``FeatureSchema/matrix(_:)``.
    public func features(_ table: Table) throws -> FeatureFrame {
        let frame = FeatureFrame(schema, try schema.matrix(table))
        return preprocessor?.transform(frame) ?? frame
    }

    /// Raw scores of every row: log-odds, class logits or values, one array per output.
    /// - Throws: as ``FeatureSchema/matrix(_:)``.
    public func rawScores(_ table: Table) throws -> [[Double]] {
        try estimator.rawScores(features(table).matrix)
    }

    /// Per class (in class order), the probability of each row; for regression, one array of predictions.
    /// - Throws: as ``FeatureSchema/matrix(_:)``.
    public func outputs(_ table: Table) throws -> [[Double]] {
        let predicted = estimator.predictions(try features(table).matrix, task: task)
        return task == .binary ? [predicted[0].map { 1 - $0 }, predicted[0]] : predicted
    }

    public func predict(_ table: Table) throws -> Table {
        let outputs = try outputs(table)
        if task == .regression { return try Table([Column(PredictionColumns.prediction, doubles: outputs[0])]) }
        let labels = (0..<table.rowCount).map { row in
            Int32(outputs.indices.max { outputs[$0][row] < outputs[$1][row] }!)
        }
        let label = Column(name: PredictionColumns.label, values: .categorical(codes: labels, levels: classes))
        let probabilities = zip(classes, outputs).map { Column(PredictionColumns.probability(of: $0), doubles: $1) }
        return try Table([label] + probabilities)
    }
}
