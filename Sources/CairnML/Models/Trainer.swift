import CairnCore

/// Trains a ``TabularModel`` from a table: infers the schema and target, runs a learner, and packages the result.
public enum Trainer {
    /// A learner and its hyperparameters.
    public enum Algorithm: Sendable {
        /// Histogram gradient boosting.
        case gradientBoosting(GradientBoostingParameters)
        /// Linear regression (ridge, lasso, elastic net) or logistic regression (L2, L1, elastic net).
        case linear(LinearParameters)
        /// A random forest or extremely randomized trees.
        case randomForest(RandomForestParameters)
    }

    /// Trains a model to predict `target` from every other column of `table`.
    /// - Parameters:
    ///   - task: the task; inferred from the target column when `nil` (see ``TargetEncoding/fit(_:task:)``).
    ///   - preprocessing: steps fitted on the training rows before the learner and saved with the model.
    ///   - validation: a table with the same columns, for early stopping and the per-round validation loss (boosting only).
    ///   - progress: called after every boosting round with its index and the validation loss, if any, and after
    ///     every tree of a forest with its index.
    /// - Throws: `not_found` when the target is absent; `invalid_argument` for a bad target (missing values, one
    ///   class, constant), no features, infinite feature values, or bad hyperparameters.
    public static func train(
        _ table: Table, target: String, task: LearningTask? = nil, algorithm: Algorithm,
        preprocessing: [PreprocessingStep] = [], validation: Table? = nil, progress: (@Sendable (Int, Double?) -> Void)? = nil
    ) throws -> TabularModel {
        let encoding = try TargetEncoding.fit(table.column(named: target), task: task)
        let schema = FeatureSchema(inferringFrom: table, excluding: [target])
        guard !schema.features.isEmpty else { throw CairnError.invalid("there are no feature columns besides '\(target)'") }
        let features = try schema.matrix(table)
        for (name, column) in zip(schema.names, features.columns) where column.contains(where: \.isInfinite) {
            throw CairnError.invalid("feature '\(name)' has infinite values")
        }
        let labels = try encoding.values(table.column(named: target))
        var frame = FeatureFrame(schema, features)
        var preprocessor: Preprocessor?
        if !preprocessing.isEmpty {
            (preprocessor, frame) = try Preprocessor.fit(
                preprocessing, frame: frame, labels: labels, task: encoding.task, classes: encoding.classes)
        }
        let valid = try validation.map { table in
            let raw = FeatureFrame(schema, try schema.matrix(table))
            return ((preprocessor?.transform(raw) ?? raw).matrix, try encoding.values(table.column(named: target)))
        }
        let categoryCounts = frame.categoryCounts
        let estimator: Estimator
        switch algorithm {
        case .gradientBoosting(let parameters):
            estimator = .gradientBoosting(
                try GradientBoosting(parameters: parameters).fit(
                    features: frame.matrix, categorical: categoryCounts.map { $0 != nil }, labels: labels,
                    task: encoding.task, classCount: encoding.classes.count, validation: valid, progress: progress))
        case .linear(let parameters):
            estimator = .linear(
                try LinearLearner(parameters: parameters).fit(
                    features: frame.matrix, categoryCounts: categoryCounts, labels: labels,
                    task: encoding.task, classCount: encoding.classes.count))
        case .randomForest(let parameters):
            var treeProgress: (@Sendable (Int) -> Void)?
            if let progress { treeProgress = { tree in progress(tree, nil) } }
            estimator = .randomForest(
                try RandomForest(parameters: parameters).fit(
                    features: frame.matrix, categorical: categoryCounts.map { $0 != nil }, labels: labels,
                    task: encoding.task, classCount: encoding.classes.count, progress: treeProgress))
        }
        return TabularModel(schema: schema, targetName: target, target: encoding, preprocessor: preprocessor, estimator: estimator)
    }
}
