import CairnCore
import Foundation

/// `ai.onnx.ml.SVMRegressor`, as skl2onnx exports scikit-learn's SVR, NuSVR, OneClassSVM and LinearSVR, evaluated
/// as onnxruntime does: with support vectors, `Σ coefficient·K(x, sv) + rho` (see ``SVMKernel``); without, the linear
/// `x·coefficients + rho`; one-class models give the sign as ±1. The sum over vectors is a float32 chain of fused
/// multiply-adds in order, as onnxruntime's SGEMM computes it on processors with FMA: with hundreds of vectors whose
/// terms cancel, any other order drifts past 1e-6.
struct SVMRegressor: Operator {
    let kernel: SVMKernel
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
        let kernel = try SVMKernel(attributes)
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
            self.kernel = kernel.linear
        }
        oneClass = attributes.int("one_class", default: 0) != 0
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let (values, rows) = try SVMKernel.rows(try required(inputs, 0), featureCount: featureCount, operatorName: "SVMRegressor")
        let width = featureCount
        let output = (0..<rows).map { row -> Float in
            let x = values[row * width..<(row + 1) * width]
            let y: Float
            if vectorCount == 0 {
                y = SVMKernel.dot(x, coefficients[...]) + rho
            } else {
                var sum: Float = 0
                for vector in 0..<vectorCount {
                    sum = sum.addingProduct(kernel.value(x, supportVectors[vector * width..<(vector + 1) * width]), coefficients[vector])
                }
                y = sum + rho
            }
            return oneClass ? (y > 0 ? 1 : -1) : y
        }
        return [try Tensor(shape: [rows, 1], elements: .float(output))]
    }
}
