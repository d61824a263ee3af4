import CairnCore

/// Reads Open Inference Protocol input tensors as named columns: either one 2-D tensor `[batch, features]` whose
/// columns are the model's features by position, or one tensor per feature, named after it, of shape `[batch]` or
/// `[batch, 1]`.
public enum TensorInput {
    /// The columns the tensors carry, keyed by feature name.
    /// - Throws: `invalidArgument` naming the tensor whose shape does not match its data, whose elements do not
    ///   match its datatype, whose name is not an input of the model, or whose batch size differs from the others.
    public static func columns(_ tensors: [InferenceTensor], signature: ServingSignature) throws -> [String: [FeatureValue]] {
        guard !tensors.isEmpty else { throw CairnError.invalid("The request has no inputs; the model takes \(InputTable.list(signature.inputNames))") }
        for tensor in tensors { try check(tensor) }
        let names = signature.inputNames
        if tensors.count == 1, let tensor = tensors.first, tensor.shape.count == 2, names.count > 1 || tensor.name != names.first {
            return try positional(tensor, names: names)
        }
        var columns: [String: [FeatureValue]] = [:]
        var batch: Int?
        for tensor in tensors {
            guard names.contains(tensor.name) else {
                throw CairnError.invalid("Unknown input '\(tensor.name)'; the model takes \(InputTable.list(names))")
            }
            guard columns[tensor.name] == nil else { throw CairnError.invalid("Input '\(tensor.name)' appears twice") }
            guard tensor.shape.count == 1 || (tensor.shape.count == 2 && tensor.shape[1] == 1) else {
                throw CairnError.invalid("Input '\(tensor.name)' has shape \(tensor.shape); a feature tensor has shape [batch] or [batch, 1]")
            }
            if let batch, batch != tensor.shape[0] {
                throw CairnError.invalid("Input '\(tensor.name)' has batch size \(tensor.shape[0]), other inputs have \(batch)")
            }
            batch = tensor.shape[0]
            columns[tensor.name] = tensor.values
        }
        return columns
    }

    /// Checks that the shape is valid, holds exactly the data, and every element fits the datatype.
    static func check(_ tensor: InferenceTensor) throws {
        guard !tensor.shape.isEmpty, let count = InferenceTensor.elementCount(of: tensor.shape) else {
            throw CairnError.invalid("Input '\(tensor.name)' has an invalid shape \(tensor.shape)")
        }
        guard count == tensor.values.count else {
            throw CairnError.invalid(
                "Input '\(tensor.name)' has shape \(tensor.shape), which needs \(count) elements, but its data has \(tensor.values.count)")
        }
        if let bad = tensor.values.firstIndex(where: { !tensor.datatype.admits($0) }) {
            throw CairnError.invalid(
                "Input '\(tensor.name)' element \(bad) is \(tensor.values[bad].shown), not a value of datatype \(tensor.datatype.rawValue)")
        }
    }

    private static func positional(_ tensor: InferenceTensor, names: [String]) throws -> [String: [FeatureValue]] {
        let (rows, width) = (tensor.shape[0], tensor.shape[1])
        guard width == names.count else {
            throw CairnError.invalid(
                "Input '\(tensor.name)' has shape \(tensor.shape); the model takes \(names.count) features \(InputTable.list(names)), so its shape must be [batch, \(names.count)]")
        }
        var columns: [String: [FeatureValue]] = [:]
        for (index, name) in names.enumerated() {
            columns[name] = (0..<rows).map { tensor.values[$0 * width + index] }
        }
        return columns
    }
}
