/// The element types of the Open Inference Protocol.
public enum TensorDatatype: String, Sendable, CaseIterable {
    case bool = "BOOL"
    case uint8 = "UINT8", uint16 = "UINT16", uint32 = "UINT32", uint64 = "UINT64"
    case int8 = "INT8", int16 = "INT16", int32 = "INT32", int64 = "INT64"
    case fp16 = "FP16", fp32 = "FP32", fp64 = "FP64"
    case bytes = "BYTES"

    /// The smallest and largest value of an integer type; `nil` for other types.
    var integerRange: ClosedRange<Double>? {
        switch self {
        case .uint8: 0...Double(UInt8.max)
        case .uint16: 0...Double(UInt16.max)
        case .uint32: 0...Double(UInt32.max)
        case .uint64: 0...Double(UInt64.max)
        case .int8: Double(Int8.min)...Double(Int8.max)
        case .int16: Double(Int16.min)...Double(Int16.max)
        case .int32: Double(Int32.min)...Double(Int32.max)
        case .int64: Double(Int64.min)...Double(Int64.max)
        default: nil
        }
    }

    /// Whether `value` is an element of this type (`missing` is accepted by floating-point and BYTES tensors; the
    /// signature decides whether a missing value is allowed).
    func admits(_ value: FeatureValue) -> Bool {
        switch (self, value) {
        case (.bool, .bool): true
        case (.fp16, .number), (.fp32, .number), (.fp64, .number): true
        case (.fp16, .missing), (.fp32, .missing), (.fp64, .missing), (.bytes, .missing): true
        case (.bytes, .text): true
        case (_, .number(let number)):
            integerRange.map { $0.contains(number) && number.rounded() == number } ?? false
        default: false
        }
    }
}
