import CairnCore
import CairnML
import Foundation

/// A LightGBM objective, as the `objective=` line names it: how raw scores become outputs.
enum LightGBMObjective: Sendable {
    case sigmoid(Double)
    case softmax
    case oneVersusRest(Double)
    case exponential
    case identity

    /// Reads the `objective=` line, such as `binary sigmoid:1` or `multiclass num_class:3`.
    /// - Throws: `not_implemented` naming an objective Cairn does not score.
    init(line: Substring) throws {
        let words = line.split(separator: " ")
        let name = words.first.map(String.init) ?? ""
        let sigmoid = words.first { $0.hasPrefix("sigmoid:") }.flatMap { Double($0.dropFirst("sigmoid:".count)) } ?? 1
        switch name {
        case "binary", "cross_entropy", "xentropy": self = .sigmoid(sigmoid)
        case "multiclass", "softmax": self = .softmax
        case "multiclassova", "multiclass_ova", "ova", "ovr": self = .oneVersusRest(sigmoid)
        case "poisson", "gamma", "tweedie": self = .exponential
        case "regression", "regression_l2", "l2", "mse", "regression_l1", "l1", "mae", "huber", "fair", "quantile", "mape",
            "lambdarank", "rank_xendcg", "cross_entropy_lambda":
            self = .identity
        default: throw CairnError(.notImplemented, "the LightGBM objective '\(name)' is not supported")
        }
    }

    /// What a model with this objective predicts.
    var task: LearningTask {
        switch self {
        case .sigmoid: .binary
        case .softmax, .oneVersusRest: .multiclass
        case .exponential, .identity: .regression
        }
    }

    /// Turns one row's raw scores into outputs in place, in double precision as LightGBM does.
    func transform(_ scores: inout ArraySlice<Double>) {
        switch self {
        case .sigmoid(let scale), .oneVersusRest(let scale):
            for index in scores.indices { scores[index] = 1 / (1 + exp(-scale * scores[index])) }
        case .softmax:
            let largest = scores.max() ?? 0
            var sum = 0.0
            for index in scores.indices {
                scores[index] = exp(scores[index] - largest)
                sum += scores[index]
            }
            for index in scores.indices { scores[index] /= sum }
        case .exponential:
            for index in scores.indices { scores[index] = exp(scores[index]) }
        case .identity:
            break
        }
    }
}
