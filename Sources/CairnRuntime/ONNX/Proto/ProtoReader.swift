import CairnCore

/// A bounds-checked reader of the protocol buffers wire format: the part of it ONNX files use.
///
/// Every length is checked against the bytes left before anything is allocated, so a truncated or hostile file
/// fails with `invalid_argument` instead of crashing or exhausting memory.
struct ProtoReader {
    /// The wire types of protocol buffers.
    enum WireType: UInt8 {
        case varint = 0
        case fixed64 = 1
        case lengthDelimited = 2
        case fixed32 = 5
    }

    private let bytes: ArraySlice<UInt8>
    private var position: Int

    /// Reads `bytes` from the start.
    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        self.position = bytes.startIndex
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { position >= bytes.endIndex }

    static func malformed(_ what: String) -> CairnError {
        CairnError.invalid("the ONNX model is malformed: \(what)")
    }

    /// The next field's number and wire type, or `nil` at the end.
    /// - Throws: `invalid_argument` for a wire type ONNX does not use (groups) or a field number of 0.
    mutating func field() throws -> (number: Int, type: WireType)? {
        guard !isAtEnd else { return nil }
        let key = try varint()
        guard let type = WireType(rawValue: UInt8(key & 7)), key >> 3 > 0, key >> 3 <= UInt64(Int32.max) else {
            throw Self.malformed("unknown wire type or field number in key \(key)")
        }
        return (Int(key >> 3), type)
    }

    mutating func varint() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.endIndex else { throw Self.malformed("truncated number") }
            let byte = bytes[position]
            position += 1
            guard shift < 64 else { throw Self.malformed("a number longer than 10 bytes") }
            value |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    /// A signed varint field (int32 and int64 are both sign-extended to 64 bits on the wire).
    mutating func int64() throws -> Int64 { Int64(bitPattern: try varint()) }

    private mutating func fixed(_ count: Int) throws -> UInt64 {
        guard bytes.endIndex - position >= count else { throw Self.malformed("truncated fixed-size number") }
        var value: UInt64 = 0
        for offset in 0..<count { value |= UInt64(bytes[position + offset]) << (8 * UInt64(offset)) }
        position += count
        return value
    }

    mutating func float() throws -> Float { Float(bitPattern: UInt32(try fixed(4))) }
    mutating func double() throws -> Double { Double(bitPattern: try fixed(8)) }

    /// The bytes of a length-delimited field.
    mutating func bytesField() throws -> ArraySlice<UInt8> {
        let length = try varint()
        guard length <= UInt64(bytes.endIndex - position) else {
            throw Self.malformed("a field of \(length) bytes runs past the end of its message")
        }
        defer { position += Int(length) }
        return bytes[position..<position + Int(length)]
    }

    /// A length-delimited field as UTF-8 text.
    mutating func string() throws -> String { String(decoding: try bytesField(), as: UTF8.self) }

    /// A nested message.
    mutating func message() throws -> ProtoReader { ProtoReader(try bytesField()) }

    /// Skips a field of an unused number.
    mutating func skip(_ type: WireType) throws {
        switch type {
        case .varint: _ = try varint()
        case .fixed64: _ = try fixed(8)
        case .fixed32: _ = try fixed(4)
        case .lengthDelimited: _ = try bytesField()
        }
    }

    /// Appends a repeated varint field, packed or not.
    mutating func appendInt64s(_ type: WireType, to values: inout [Int64]) throws {
        guard type == .lengthDelimited else { return values.append(try int64()) }
        var packed = try message()
        while !packed.isAtEnd { values.append(try packed.int64()) }
    }

    /// Appends a repeated float field, packed or not.
    mutating func appendFloats(_ type: WireType, to values: inout [Float]) throws {
        guard type == .lengthDelimited else { return values.append(try float()) }
        var packed = try message()
        values.reserveCapacity(values.count + (packed.bytes.count / 4))
        while !packed.isAtEnd { values.append(try packed.float()) }
    }

    /// Appends a repeated double field, packed or not.
    mutating func appendDoubles(_ type: WireType, to values: inout [Double]) throws {
        guard type == .lengthDelimited else { return values.append(try double()) }
        var packed = try message()
        while !packed.isAtEnd { values.append(try packed.double()) }
    }
}
