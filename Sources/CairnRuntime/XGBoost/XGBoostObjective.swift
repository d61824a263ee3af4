import CairnCore
import CairnML
import Foundation

/// An XGBoost objective: how the base score becomes a margin and how margins become outputs.
enum XGBoostObjective: Sendable {
    case logistic
    case logitRaw
    case softprob
    case softmax
    case squaredError
    case exponential

    /// Reads the objective name of a model.
    /// - Throws: `not_implemented` naming an objective Cairn does not score.
    init(name: String) throws {
        switch name {
        case "binary:logistic", "reg:logistic": self = .logistic
        case "binary:logitraw": self = .logitRaw
        case "multi:softprob": self = .softprob
        case "multi:softmax": self = .softmax
        case "reg:squarederror", "reg:linear", "reg:absoluteerror", "reg:pseudohubererror", "reg:quantileerror": self = .squaredError
        case "count:poisson", "reg:gamma", "reg:tweedie": self = .exponential
        default: throw CairnError(.notImplemented, "the XGBoost objective '\(name)' is not supported")
        }
    }

    /// The margin a model starts from, given its `base_score`: XGBoost's `ProbToMargin` in float32.
    func margin(ofBaseScore score: Float) -> Float {
        switch self {
        case .logistic: -logf(1 / score - 1)
        case .exponential: logf(score)
        default: score
        }
    }

    /// What a model with this objective predicts; `binary:logitraw` gives its raw margin, like a regressor.
    var task: LearningTask {
        switch self {
        case .logistic: .binary
        case .softprob, .softmax: .multiclass
        case .logitRaw, .squaredError, .exponential: .regression
        }
    }

    /// A binary model's probability of the positive class from its margin (`binary:logistic`'s float sigmoid).
    static func sigmoid(_ margin: Float) -> Float {
        1 / (expf(min(-margin, 88.7)) + 1 + 1e-16)
    }

    /// A multiclass model's probabilities from its margins, in place: float exponentials, a double sum.
    static func softmax(_ margins: inout ArraySlice<Float>) {
        let largest = margins.max() ?? 0
        var sum = 0.0
        for index in margins.indices {
            margins[index] = expf(margins[index] - largest)
            sum += Double(margins[index])
        }
        let total = Float(sum)
        for index in margins.indices { margins[index] /= total }
    }
}
