import Foundation

/// The score transforms of ONNX's ML operators (`post_transform`), computed in float32 as onnxruntime's
/// `ml_common.h` does, so tree ensembles match it bit for bit.
enum PostTransform: String, Sendable {
    case none = "NONE"
    case logistic = "LOGISTIC"
    case softmax = "SOFTMAX"
    case softmaxZero = "SOFTMAX_ZERO"
    case probit = "PROBIT"

    /// onnxruntime's `ComputeLogistic`: symmetric, with libm `expf`.
    static func logistic(_ x: Float) -> Float {
        let v = 1 / (1 + expf(-abs(x)))
        return x < 0 ? 1 - v : v
    }

    /// Applies the transform to one row of scores in place; PROBIT is refused when a node is loaded.
    func apply(_ scores: inout ArraySlice<Float>) {
        switch self {
        case .none, .probit:
            break
        case .logistic:
            for index in scores.indices { scores[index] = Self.logistic(scores[index]) }
        case .softmax:
            var largest = -Float.greatestFiniteMagnitude
            for value in scores where value > largest { largest = value }
            var sum: Float = 0
            for index in scores.indices {
                scores[index] = expf(scores[index] - largest)
                sum += scores[index]
            }
            for index in scores.indices { scores[index] /= sum }
        case .softmaxZero:
            var largest = -Float.greatestFiniteMagnitude
            for value in scores where value > largest { largest = value }
            let scale = expf(-largest)
            var sum: Float = 0
            for index in scores.indices {
                if scores[index] > 0.0000001 || scores[index] < -0.0000001 {
                    scores[index] = expf(scores[index] - largest)
                    sum += scores[index]
                } else {
                    scores[index] *= scale
                }
            }
            for index in scores.indices { scores[index] /= sum }
        }
    }

    /// Reads a node's `post_transform`.
    /// - Throws: `not_implemented` for PROBIT or an unknown name.
    init(_ attributes: NodeAttributes) throws {
        let name = attributes.string("post_transform", default: "NONE")
        guard let value = PostTransform(rawValue: name), value != .probit else {
            throw attributes.unsupported("post_transform=\(name)")
        }
        self = value
    }
}
