import CairnCore
import Foundation

/// Tensor elements as raw bytes, the layout of the Open Inference Protocol's binary tensor data extension (REST,
/// after a body's JSON part) and of gRPC's `raw_input_contents`/`raw_output_contents`: row-major, little-endian;
/// BOOL is one byte, BYTES elements are a 4-byte little-endian length and the bytes.
public enum TensorBytes {

    /// The elements of a tensor of `datatype` with `count` elements from its raw bytes.
    /// - Throws: `invalidArgument` naming the input when the byte count does not match the shape and datatype, or
    ///   a BYTES element runs past the end.
    public static func decode(_ bytes: ArraySlice<UInt8>, datatype: TensorDatatype, count: Int, input: String) throws -> [FeatureValue] {
        if datatype == .bytes { return try decodeStrings(bytes, count: count, input: input) }
        let width = elementSize(datatype)
        guard bytes.count % width == 0, bytes.count / width == count else {
            let needed = count.multipliedReportingOverflow(by: width)
            throw CairnError.invalid(
                "Input '\(input)' has \(bytes.count) bytes of binary data; \(count) elements of \(datatype.rawValue) need \(needed.overflow ? "more" : String(needed.partialValue))")
        }
        var values: [FeatureValue] = []
        values.reserveCapacity(count)
        bytes.withUnsafeBytes { raw in
            for index in 0..<count {
                let offset = index * width
                values.append(element(raw, at: offset, datatype: datatype))
            }
        }
        return values
    }

    /// The raw bytes of a tensor's elements.
    public static func encode(_ tensor: InferenceTensor) -> [UInt8] {
        var bytes: [UInt8] = []
        for value in tensor.values { append(value, as: tensor.datatype, to: &bytes) }
        return bytes
    }

    private static func elementSize(_ datatype: TensorDatatype) -> Int {
        switch datatype {
        case .bool, .uint8, .int8: 1
        case .uint16, .int16, .fp16: 2
        case .uint32, .int32, .fp32: 4
        case .uint64, .int64, .fp64: 8
        case .bytes: 0
        }
    }

    private static func element(_ raw: UnsafeRawBufferPointer, at offset: Int, datatype: TensorDatatype) -> FeatureValue {
        func load<T: FixedWidthInteger>(_: T.Type) -> T { T(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: T.self)) }
        switch datatype {
        case .bool: return .bool(raw[offset] != 0)
        case .uint8: return .number(Double(raw[offset]))
        case .int8: return .number(Double(Int8(bitPattern: raw[offset])))
        case .uint16: return .number(Double(load(UInt16.self)))
        case .int16: return .number(Double(load(Int16.self)))
        case .uint32: return .number(Double(load(UInt32.self)))
        case .int32: return .number(Double(load(Int32.self)))
        case .uint64: return .number(Double(load(UInt64.self)))
        case .int64: return .number(Double(load(Int64.self)))
        case .fp16: return number(Double(Float(Float16(bitPattern: load(UInt16.self)))))
        case .fp32: return number(Double(Float(bitPattern: load(UInt32.self))))
        case .fp64: return number(Double(bitPattern: load(UInt64.self)))
        case .bytes: return .missing
        }
    }

    /// A floating-point element; NaN is a missing value, as `null` is in JSON data.
    private static func number(_ value: Double) -> FeatureValue { value.isNaN ? .missing : .number(value) }

    private static func decodeStrings(_ bytes: ArraySlice<UInt8>, count: Int, input: String) throws -> [FeatureValue] {
        var values: [FeatureValue] = []
        var cursor = bytes.startIndex
        for index in 0..<count {
            guard bytes.endIndex - cursor >= 4 else {
                throw CairnError.invalid("Input '\(input)' binary data ends before the length of element \(index)")
            }
            let length = Int(bytes[cursor..<cursor + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            cursor += 4
            guard bytes.endIndex - cursor >= length else {
                throw CairnError.invalid("Input '\(input)' element \(index) has length \(length), past the end of its binary data")
            }
            values.append(.text(String(decoding: bytes[cursor..<cursor + length], as: UTF8.self)))
            cursor += length
        }
        guard cursor == bytes.endIndex else {
            throw CairnError.invalid("Input '\(input)' has \(bytes.endIndex - cursor) bytes of binary data after its \(count) elements")
        }
        return values
    }

    private static func append(_ value: FeatureValue, as datatype: TensorDatatype, to bytes: inout [UInt8]) {
        func put<T: FixedWidthInteger>(_ integer: T) { withUnsafeBytes(of: integer.littleEndian) { bytes.append(contentsOf: $0) } }
        func integer<T: FixedWidthInteger>(_: T.Type) -> T { T(clamping: Int64(exactly: number.rounded()) ?? 0) }
        if datatype == .bytes {
            let text: [UInt8] = switch value {
            case .text(let text): Array(text.utf8)
            case .missing: []
            case .bool(let flag): Array(String(flag).utf8)
            case .number(let number): Array(String(number).utf8)
            }
            put(UInt32(text.count))
            bytes.append(contentsOf: text)
            return
        }
        let number: Double = switch value {
        case .number(let number): number
        case .bool(let flag): flag ? 1 : 0
        case .missing: .nan
        case .text(let text): Double(text) ?? .nan
        }
        switch datatype {
        case .bool: bytes.append(number != 0 && !number.isNaN ? 1 : 0)
        case .uint8: put(integer(UInt8.self))
        case .int8: put(integer(Int8.self))
        case .uint16: put(integer(UInt16.self))
        case .int16: put(integer(Int16.self))
        case .uint32: put(integer(UInt32.self))
        case .int32: put(integer(Int32.self))
        case .uint64: put(integer(UInt64.self))
        case .int64: put(integer(Int64.self))
        case .fp16: put(Float16(number).bitPattern)
        case .fp32: put(Float(number).bitPattern)
        case .fp64: put(number.bitPattern)
        case .bytes: break
        }
    }
}
