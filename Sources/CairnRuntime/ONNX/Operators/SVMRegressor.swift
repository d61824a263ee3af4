import CairnCore
import Foundation

/// `ai.onnx.ml.SVMRegressor`, as skl2onnx exports scikit-learn's SVR, NuSVR, OneClassSVM and LinearSVR, evaluated
/// as onnxruntime does: with support vectors, `Σ coefficient·K(x, sv) + rho` (the RBF kernel summed in float32 and
/// passed through `expf`, the others from the dot product); without, the linear `x·coefficients + rho`; one-class
/// models give the sign as ±1. Dot products and the sum over vectors are float32 chains of fused multiply-adds in
/// order, as onnxruntime's SGEMM computes them on processors with FMA: with hundreds of vectors whose terms cancel,
/// any other order drifts past 1e-6.
struct SVMRegressor: Operator {
    enum Kernel: String { case linear = "LINEAR", poly = "POLY", rbf = "RBF", sigmoid = "SIGMOID" }

    let kernel: Kernel
    let gamma: Float, coef0: Float, degree: Float
    /// `vectorCount × featureCount` values, vector after vector; empty for the linear form.
    let supportVectors: [Float]
    let vectorCount: Int
    let featureCount: Int
    let coefficients: [Float]
    let rho: Float
    let oneClass: Bool

    /// Reads the kernel, support vectors, coefficients and offset.
    /// - Throws: `invalid_argument` for lists whose sizes disagree; `not_implemented` for an unknown kernel or a
    ///   post transform other than NONE.
    init(_ attributes: NodeAttributes) throws {
        let kernelName = attributes.string("kernel_type", default: "LINEAR")
        guard let kernel = Kernel(rawValue: kernelName) else { throw attributes.unsupported("kernel_type=\(kernelName)") }
        let parameters = attributes.floats("kernel_params")
        guard parameters.isEmpty || parameters.count == 3 else { throw attributes.invalid("kernel_params has \(parameters.count) values, not 3") }
        (gamma, coef0, degree) = parameters.isEmpty ? (0, 0, 0) : (parameters[0], parameters[1], parameters[2])
        let transform = attributes.string("post_transform", default: "NONE")
        guard transform == "NONE" else { throw attributes.unsupported("post_transform=\(transform)") }
        let vectors = try attributes.int("n_supports")
        coefficients = attributes.floats("coefficients")
        supportVectors = attributes.floats("support_vectors")
        guard let rho = attributes.floats("rho").first, !coefficients.isEmpty, (0...Int64(coefficients.count)).contains(vectors) else {
            throw attributes.invalid("it lacks coefficients or rho, or n_supports is \(vectors)")
        }
        self.rho = rho
        vectorCount = Int(vectors)
        if vectorCount > 0 {
            guard coefficients.count == vectorCount, supportVectors.count % vectorCount == 0, !supportVectors.isEmpty else {
                throw attributes.invalid("its \(supportVectors.count) support vector values and \(coefficients.count) coefficients do not fit n_supports=\(vectors)")
            }
            featureCount = supportVectors.count / vectorCount
            self.kernel = kernel
        } else {
            featureCount = coefficients.count
            self.kernel = .linear
        }
        oneClass = attributes.int("one_class", default: 0) != 0
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let values = try input.floats()
        let width = input.shape.count == 1 ? input.shape[0] : input.shape.last ?? 0
        guard input.shape.count <= 2, width == featureCount else {
            throw CairnError.invalid("SVMRegressor takes \(featureCount) features, but its input has shape \(input.shape)")
        }
        let rows = width == 0 ? 0 : values.count / width
        let output = (0..<rows).map { row -> Float in
            let x = values[row * width..<(row + 1) * width]
            let y: Float
            if vectorCount == 0 {
                y = Self.dot(x, coefficients[...]) + rho
            } else {
                var sum: Float = 0
                for vector in 0..<vectorCount {
                    sum = sum.addingProduct(kernelValue(x, supportVectors[vector * width..<(vector + 1) * width]), coefficients[vector])
                }
                y = sum + rho
            }
            return oneClass ? (y > 0 ? 1 : -1) : y
        }
        return [try Tensor(shape: [rows, 1], elements: .float(output))]
    }

    /// The kernel between a row and a support vector, as onnxruntime computes it: RBF from a float32 sum of squares
    /// through `expf`, the others from the SGEMM dot product scaled by `gamma` and shifted by `coef0`.
    private func kernelValue(_ x: ArraySlice<Float>, _ vector: ArraySlice<Float>) -> Float {
        switch kernel {
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
    private static func dot(_ a: ArraySlice<Float>, _ b: ArraySlice<Float>) -> Float {
        zip(a, b).reduce(0) { $0.addingProduct($1.0, $1.1) }
    }
}
