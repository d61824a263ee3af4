import CairnCore
import Foundation

/// Reads Universal Binary JSON (what XGBoost writes to `.ubj` files) into a ``Document``.
///
/// Every count and length is checked against the bytes left, and nesting is bounded, so a hostile file fails with
/// `invalid_argument` instead of exhausting memory or the stack.
struct UBJSONReader {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0
    private static let maximumDepth = 64

    /// Parses a whole UBJSON document.
    /// - Throws: `invalid_argument` when the bytes are not well-formed UBJSON.
    static func read(_ data: Data) throws -> Document {
        var reader = UBJSONReader(bytes: [UInt8](data))
        let document = try reader.value(marker: try reader.byte())
        return document
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ what: String) -> CairnError {
        CairnError.invalid("the UBJSON model is malformed at byte \(position): \(what)")
    }

    private mutating func byte() throws -> UInt8 {
        guard position < bytes.count else { throw failure("unexpected end of file") }
        defer { position += 1 }
        return bytes[position]
    }

    private mutating func bigEndian(_ count: Int) throws -> UInt64 {
        guard bytes.count - position >= count else { throw failure("unexpected end of file") }
        var value: UInt64 = 0
        for offset in 0..<count { value = value << 8 | UInt64(bytes[position + offset]) }
        position += count
        return value
    }

    private static func size(of marker: UInt8) -> Int? {
        switch marker {
        case UInt8(ascii: "i"), UInt8(ascii: "U"), UInt8(ascii: "C"): 1
        case UInt8(ascii: "I"): 2
        case UInt8(ascii: "l"), UInt8(ascii: "d"): 4
        case UInt8(ascii: "L"), UInt8(ascii: "D"): 8
        default: nil
        }
    }

    private mutating func integer(marker: UInt8) throws -> Int64 {
        switch marker {
        case UInt8(ascii: "i"): return Int64(Int8(truncatingIfNeeded: try bigEndian(1)))
        case UInt8(ascii: "U"): return Int64(try bigEndian(1))
        case UInt8(ascii: "I"): return Int64(Int16(truncatingIfNeeded: try bigEndian(2)))
        case UInt8(ascii: "l"): return Int64(Int32(truncatingIfNeeded: try bigEndian(4)))
        case UInt8(ascii: "L"): return Int64(bitPattern: try bigEndian(8))
        default: throw failure("expected an integer marker")
        }
    }

    /// A count or length: a non-negative integer no larger than the bytes left divided by `elementSize`.
    private mutating func count(elementSize: Int) throws -> Int {
        let value = try integer(marker: try byte())
        guard value >= 0, value <= Int64((bytes.count - position) / max(elementSize, 1)) else {
            throw failure("a length of \(value) exceeds the file")
        }
        return Int(value)
    }

    private mutating func string() throws -> String {
        let length = try count(elementSize: 1)
        defer { position += length }
        return String(decoding: bytes[position..<position + length], as: UTF8.self)
    }

    private mutating func value(marker: UInt8) throws -> Document {
        switch marker {
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            depth += 1
            defer { depth -= 1 }
            guard depth <= Self.maximumDepth else { throw failure("nesting deeper than \(Self.maximumDepth)") }
            return marker == UInt8(ascii: "{") ? try object() : try array()
        case UInt8(ascii: "Z"): return .null
        case UInt8(ascii: "T"): return .bool(true)
        case UInt8(ascii: "F"): return .bool(false)
        case UInt8(ascii: "S"), UInt8(ascii: "H"): return .string(try string())
        case UInt8(ascii: "d"): return .number(Double(Float(bitPattern: UInt32(try bigEndian(4)))))
        case UInt8(ascii: "D"): return .number(Double(bitPattern: try bigEndian(8)))
        case UInt8(ascii: "C"): return .string(String(UnicodeScalar(try byte())))
        default: return .number(Double(try integer(marker: marker)))
        }
    }

    /// The optional `$type` and `#count` header of a container.
    private mutating func header() throws -> (type: UInt8?, count: Int?) {
        var type: UInt8?
        if position < bytes.count, bytes[position] == UInt8(ascii: "$") {
            position += 1
            type = try byte()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else { throw failure("a typed container without a count") }
        }
        guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else { return (type, nil) }
        position += 1
        return (type, try count(elementSize: type.flatMap(Self.size(of:)) ?? 1))
    }

    private mutating func array() throws -> Document {
        let (type, count) = try header()
        if let type, let count {
            switch type {
            case UInt8(ascii: "d"): return .floats(try (0..<count).map { _ in Float(bitPattern: UInt32(try bigEndian(4))) })
            case UInt8(ascii: "i"), UInt8(ascii: "U"), UInt8(ascii: "I"), UInt8(ascii: "l"), UInt8(ascii: "L"):
                return .integers(try (0..<count).map { _ in try integer(marker: type) })
            default: return .array(try (0..<count).map { _ in try value(marker: type) })
            }
        }
        if let count { return .array(try (0..<count).map { _ in try value(marker: try byte()) }) }
        var values: [Document] = []
        while true {
            let marker = try byte()
            if marker == UInt8(ascii: "]") { return .array(values) }
            if marker != UInt8(ascii: "N") { values.append(try value(marker: marker)) }
        }
    }

    private mutating func object() throws -> Document {
        let (type, count) = try header()
        var members: [String: Document] = [:]
        if let count {
            for _ in 0..<count {
                let key = try string()
                members[key] = try value(marker: try type ?? byte())
            }
            return .object(members)
        }
        while true {
            guard position < bytes.count else { throw failure("unexpected end of file") }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            }
            let key = try string()
            members[key] = try value(marker: try byte())
        }
    }
}
