import CairnCore
import CairnServing
import Foundation

/// Reads the input tensors and parameters of a gRPC inference request into serving's types.
enum GRPCTensors {
    /// The inputs of `request`, from their typed contents or, when the request carries them, from
    /// `raw_input_contents` (one entry per input, in order).
    /// - Throws: `invalidArgument` naming the input whose datatype, shape or contents are wrong.
    static func inputs(_ request: Inference_ModelInferRequest) throws -> [InferenceTensor] {
        let raw = request.rawInputContents
        guard raw.isEmpty || raw.count == request.inputs.count else {
            throw CairnError.invalid("raw_input_contents has \(raw.count) entries for \(request.inputs.count) inputs")
        }
        return try request.inputs.enumerated().map { index, input in
            let datatype = try TensorDatatype.parse(input.datatype, input: input.name)
            let shape = input.shape.map { Int(clamping: $0) }
            guard !shape.isEmpty, let count = InferenceTensor.elementCount(of: shape) else {
                throw CairnError.invalid("Input '\(input.name)' has shape \(input.shape); dimensions must be non-negative and their product an element count")
            }
            let values: [FeatureValue]
            if raw.isEmpty {
                values = try typed(input.contents, datatype: datatype, name: input.name)
            } else {
                guard !input.hasContents else {
                    throw CairnError.invalid("Input '\(input.name)' has contents although the request carries raw_input_contents")
                }
                values = try TensorBytes.decode(ArraySlice(raw[index]), datatype: datatype, count: count, input: input.name)
            }
            guard values.count == count else {
                throw CairnError.invalid("Input '\(input.name)' has \(values.count) elements; its shape \(shape) needs \(count)")
            }
            return InferenceTensor(name: input.name, datatype: datatype, shape: shape, values: values)
        }
    }

    /// The `timeout` parameter, in microseconds as Triton sends it; 0 or absent means none.
    /// - Throws: `invalidArgument` when it is not a non-negative integer.
    static func timeout(_ parameters: [String: Inference_InferParameter]) throws -> Duration? {
        guard let parameter = parameters["timeout"] else { return nil }
        let micros: Int64
        switch parameter.parameterChoice {
        case .int64Param(let value)?: micros = value
        case .uint64Param(let value)?: micros = Int64(clamping: value)
        default: throw CairnError.invalid("parameters.timeout must be a whole number of microseconds")
        }
        return try InferenceRequest.timeout(micros: micros)
    }

    /// The elements of the contents list a datatype travels in (INT8–INT32 in `int_contents`, UINT8–UINT32 in
    /// `uint_contents`); floating-point NaN is a missing value, as in the other encodings.
    private static func typed(_ contents: Inference_InferTensorContents, datatype: TensorDatatype, name: String) throws -> [FeatureValue] {
        func number(_ value: Double) -> FeatureValue { value.isNaN ? .missing : .number(value) }
        switch datatype {
        case .bool: return contents.boolContents.map(FeatureValue.bool)
        case .int8, .int16, .int32: return contents.intContents.map { .number(Double($0)) }
        case .int64: return contents.int64Contents.map { .number(Double($0)) }
        case .uint8, .uint16, .uint32: return contents.uintContents.map { .number(Double($0)) }
        case .uint64: return contents.uint64Contents.map { .number(Double($0)) }
        case .fp32: return contents.fp32Contents.map { number(Double($0)) }
        case .fp64: return contents.fp64Contents.map(number)
        case .bytes: return contents.bytesContents.map { .text(String(decoding: $0, as: UTF8.self)) }
        case .fp16: throw CairnError.invalid("Input '\(name)' is FP16, which travels only in raw_input_contents")
        }
    }
}
