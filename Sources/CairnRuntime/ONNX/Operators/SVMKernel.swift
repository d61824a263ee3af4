import CairnCore
import Foundation

/// The kernel of ONNX's SVM operators (`kernel_type`, `kernel_params`), computed as onnxruntime computes it: RBF
/// from a float32 sum of squares through `expf`, the others from its SGEMM dot product (a chain of fused
/// multiply-adds in order on processors with FMA) scaled by `gamma` and shifted by `coef0`.
struct SVMKernel: Sendable {
    enum Kind: String, Sendable { case linear = "LINEAR", poly = "POLY", rbf = "RBF", sigmoid = "SIGMOID" }

    let kind: Kind
    let gamma: Float, coef0: Float, degree: Float

    /// Reads `kernel_type` and `kernel_params` (gamma, coef0, degree).
    /// - Throws: `not_implemented` for an unknown kernel; `invalid_argument` for parameters that are not three.
    init(_ attributes: NodeAttributes) throws {
        let name = attributes.string("kernel_type", default: "LINEAR")
        guard let kind = Kind(rawValue: name) else { throw attributes.unsupported("kernel_type=\(name)") }
        let parameters = attributes.floats("kernel_params")
        guard parameters.isEmpty || parameters.count == 3 else { throw attributes.invalid("kernel_params has \(parameters.count) values, not 3") }
        self.kind = kind
        (gamma, coef0, degree) = parameters.isEmpty ? (0, 0, 0) : (parameters[0], parameters[1], parameters[2])
    }

    /// The same parameters with the linear kernel: what a model without support vectors evaluates.
    var linear: SVMKernel { SVMKernel(kind: .linear, gamma: gamma, coef0: coef0, degree: degree) }

    private init(kind: Kind, gamma: Float, coef0: Float, degree: Float) {
        self.kind = kind
        self.gamma = gamma
        self.coef0 = coef0
        self.degree = degree
    }

    /// The kernel between a row and a support vector.
    func value(_ x: ArraySlice<Float>, _ vector: ArraySlice<Float>) -> Float {
        switch kind {
        case .rbf:
            var sum: Float = 0
            for (a, b) in zip(x, vector) {
                let difference = a - b
                sum += difference * difference
            }
            return expf(-gamma * sum)
        case .linear:
            return Self.dot(x, vector)
        case .poly:
            let base = coef0.addingProduct(Self.dot(x, vector), gamma)
            return degree == 2 ? base * base : degree == 3 ? base * base * base : powf(base, degree)
        case .sigmoid:
            return tanhf(coef0.addingProduct(Self.dot(x, vector), gamma))
        }
    }

    /// A float32 dot product as a chain of fused multiply-adds in order, as onnxruntime's SGEMM computes one.
    static func dot(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
        zip(a, b).reduce(0) { $0.addingProduct($1.0, $1.1) }
    }
}

extension SVMKernel {
    /// The values and row count of an SVM operator's input: `[N, featureCount]`, or one row as `[featureCount]`.
    /// - Throws: `invalid_argument` naming `operatorName` when the width is not `featureCount`.
    static func rows(_ input: Tensor, featureCount: Int, operatorName: String) throws -> (values: [Float], rows: Int) {
        let values = try input.floats()
        let width = input.shape.count == 1 ? input.shape[0] : input.shape.last ?? 0
        guard input.shape.count <= 2, width == featureCount else {
            throw CairnError.invalid("\(operatorName) takes \(featureCount) features, but its input has shape \(input.shape)")
        }
        return (values, width == 0 ? 0 : values.count / width)
    }
}
