import CairnCore

/// A fitted transformer of ``FeatureFrame``s.
protocol FittedTransformer {
    /// The frame with this step applied, as at prediction.
    func transform(_ frame: FeatureFrame) -> FeatureFrame
}

/// A chain of fitted preprocessing steps that runs before a learner: fitted once on the training rows, saved
/// with the model, and applied identically at prediction.
public struct Preprocessor: Sendable, Codable, Equatable {
    /// One fitted step.
    public enum Step: Sendable, Codable, Equatable {
        case imputer(Imputer)
        case standardScaler(StandardScaler)
        case oneHotEncoder(OneHotEncoder)
        case ordinalEncoder(OrdinalEncoder)
        case targetEncoder(TargetEncoder)

        var transformer: any FittedTransformer {
            switch self {
            case .imputer(let step): step
            case .standardScaler(let step): step
            case .oneHotEncoder(let step): step
            case .ordinalEncoder(let step): step
            case .targetEncoder(let step): step
            }
        }
    }

    /// The fitted steps, in order.
    public let steps: [Step]

    /// Fits `steps` in order on the training frame.
    /// - Parameters:
    ///   - labels: class indices (as numbers) or regression targets, for target encoding.
    ///   - classes: the class names of a classification task (empty for regression).
    /// - Returns: the fitted chain and the training frame it produces (cross-fitted where a step calls for it).
    /// - Throws: `invalid_argument` when target encoding asks for more folds than rows.
    public static func fit(
        _ steps: [PreprocessingStep], frame: FeatureFrame, labels: [Double], task: LearningTask, classes: [String]
    ) throws -> (Preprocessor, FeatureFrame) {
        var current = frame
        var fitted: [Step] = []
        for step in steps {
            let next: Step
            switch step {
            case .impute(let strategy, let fill): next = .imputer(Imputer(fitting: current, strategy: strategy, constant: fill))
            case .scale: next = .standardScaler(StandardScaler(fitting: current))
            case .oneHot: next = .oneHotEncoder(OneHotEncoder(fitting: current))
            case .ordinal: next = .ordinalEncoder(OrdinalEncoder(fitting: current))
            case .target(let smoothing, let k):
                let folds = try task == .regression
                    ? DataSplit.contiguousKFold(rowCount: labels.count, k: k)
                    : DataSplit.orderedStratifiedKFold(labels: labels, k: k)
                let targets = task == .multiclass
                    ? classes.indices.map { c in labels.map { $0 == Double(c) ? 1 : 0 } }
                    : [labels]
                let (encoder, encoded) = TargetEncoder.fitTransform(
                    current, targets: targets, classNames: task == .multiclass ? classes : [], smoothing: smoothing, folds: folds)
                fitted.append(.targetEncoder(encoder))
                current = encoded
                continue
            }
            fitted.append(next)
            current = next.transformer.transform(current)
        }
        return (Preprocessor(steps: fitted), current)
    }

    /// The frame with every step applied.
    public func transform(_ frame: FeatureFrame) -> FeatureFrame {
        steps.reduce(frame) { $1.transformer.transform($0) }
    }
}
