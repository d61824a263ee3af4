import CairnCore

/// One node of a loaded ONNX graph, with its attributes already checked: it maps input tensors to output tensors.
protocol Operator: Sendable {
    /// Runs the node on one batch.
    /// - Parameter inputs: the node's inputs in order; `nil` for an optional input left out.
    /// - Returns: the node's outputs in order.
    /// - Throws: `invalid_argument` when an input has a shape or type the node cannot take.
    func run(_ inputs: [Tensor?]) throws -> [Tensor]
}

extension Operator {
    /// The input at `index`, which the node requires.
    /// - Throws: `invalid_argument` when it is absent.
    func required(_ inputs: [Tensor?], _ index: Int) throws -> Tensor {
        guard index < inputs.count, let tensor = inputs[index] else {
            throw CairnError.invalid("\(Self.self) needs input \(index + 1), which is missing")
        }
        return tensor
    }
}
