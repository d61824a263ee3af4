import CairnML

/// A parser of the one JSON shape the prediction log stores for inputs and outputs: an object whose values are
/// arrays of scalars (`{"x": [1, 2.5], "c": ["a", null]}`). It reads the UTF-8 bytes once without building
/// Foundation objects, which matters when a monitor run reads hundreds of thousands of records.
///
/// Numbers become `.number`, strings `.text`, `true`/`false` the numbers 1 and 0, `null` and nested arrays or
/// objects `.missing` (as ``LoggedJSON`` treats them).
struct LoggedJSONParser {
    private let bytes: [UInt8]
    private var index = 0

    private init(_ text: String) {
        bytes = Array(text.utf8)
    }

    /// The columns of `text` in the order they are written (a repeated name appears twice) and its row count (the
    /// longest array), or `nil` when it is not an object of arrays.
    static func columns(_ text: String) -> (columns: [(name: String, values: [LoggedJSON.Value])], rows: Int)? {
        var parser = LoggedJSONParser(text)
        guard let columns = parser.object(), parser.atEnd() else { return nil }
        return (columns, columns.map(\.values.count).max() ?? 0)
    }

    /// A label as posted: one scalar, or an array of scalars; `nil` for anything else.
    static func labels(_ text: String) -> (values: [LoggedJSON.Value], isArray: Bool)? {
        var parser = LoggedJSONParser(text)
        parser.skipSpace()
        let isArray = parser.index < parser.bytes.count && parser.bytes[parser.index] == UInt8(ascii: "[")
        let values = isArray ? parser.array() : parser.scalar().map { [$0] }
        guard let values, parser.atEnd() else { return nil }
        return (values, isArray)
    }

    private mutating func object() -> [(name: String, values: [LoggedJSON.Value])]? {
        guard consume(UInt8(ascii: "{")) else { return nil }
        var columns: [(name: String, values: [LoggedJSON.Value])] = []
        if consume(UInt8(ascii: "}")) { return columns }
        repeat {
            guard let key = string(), consume(UInt8(ascii: ":")), let values = array() else { return nil }
            columns.append((key, values))
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "}")) ? columns : nil
    }

    private mutating func array() -> [LoggedJSON.Value]? {
        guard consume(UInt8(ascii: "[")) else { return nil }
        var values: [LoggedJSON.Value] = []
        if consume(UInt8(ascii: "]")) { return values }
        repeat {
            guard let value = scalar() else { return nil }
            values.append(value)
        } while consume(UInt8(ascii: ","))
        return consume(UInt8(ascii: "]")) ? values : nil
    }

    private mutating func scalar() -> LoggedJSON.Value? {
        skipSpace()
        guard index < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "\""): return string().map(LoggedJSON.Value.text)
        case UInt8(ascii: "t"): return literal("true") ? .number(1) : nil
        case UInt8(ascii: "f"): return literal("false") ? .number(0) : nil
        case UInt8(ascii: "n"): return literal("null") ? .missing : nil
        case UInt8(ascii: "["), UInt8(ascii: "{"): return skipNested() ? .missing : nil
        default: return number()
        }
    }

    private mutating func number() -> LoggedJSON.Value? {
        let start = index
        while index < bytes.count, Self.isNumberByte(bytes[index]) { index += 1 }
        let end = index
        guard Self.isJSONNumber(bytes[start..<end]),
              let value = bytes.withUnsafeBufferPointer({ DecimalParser.parse(UnsafeBufferPointer(rebasing: $0[start..<end])) })
        else { return nil }
        return .number(value)
    }

    /// Whether the bytes follow JSON's number grammar, `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`: `+1`, `01`,
    /// `.5` and `5.`, which `strtod` reads, are not JSON.
    private static func isJSONNumber(_ text: ArraySlice<UInt8>) -> Bool {
        var i = text.startIndex
        func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }
        func digits() -> Int {
            let first = i
            while i < text.endIndex, isDigit(text[i]) { i += 1 }
            return i - first
        }
        if i < text.endIndex, text[i] == UInt8(ascii: "-") { i += 1 }
        guard i < text.endIndex else { return false }
        if text[i] == UInt8(ascii: "0") { i += 1 } else if digits() == 0 { return false }
        if i < text.endIndex, text[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { return false }
        }
        if i < text.endIndex, text[i] == UInt8(ascii: "e") || text[i] == UInt8(ascii: "E") {
            i += 1
            if i < text.endIndex, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { return false }
        }
        return i == text.endIndex
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E")
    }

    /// A string; escapes are decoded (a `\u` pair of surrogates included).
    private mutating func string() -> String? {
        guard consume(UInt8(ascii: "\"")) else { return nil }
        let start = index
        while index < bytes.count, bytes[index] != UInt8(ascii: "\""), bytes[index] != UInt8(ascii: "\\") { index += 1 }
        guard index < bytes.count else { return nil }
        if bytes[index] == UInt8(ascii: "\"") {
            index += 1
            return String(decoding: bytes[start..<(index - 1)], as: UTF8.self)
        }
        var scalars = String(decoding: bytes[start..<index], as: UTF8.self).unicodeScalars.map { $0 }
        var pendingHigh: UInt32?
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") { return pendingHigh == nil ? String(String.UnicodeScalarView(scalars)) : nil }
            if byte != UInt8(ascii: "\\") {
                // Copy one UTF-8 sequence as is.
                let end = Self.sequenceEnd(bytes, from: index - 1)
                scalars += String(decoding: bytes[(index - 1)..<end], as: UTF8.self).unicodeScalars
                index = end
                continue
            }
            guard index < bytes.count else { return nil }
            let escape = bytes[index]
            index += 1
            if let scalar = Self.simpleEscape(escape) {
                scalars.append(scalar)
                continue
            }
            guard escape == UInt8(ascii: "u"), index + 4 <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<(index + 4)], as: UTF8.self), radix: 16)
            else { return nil }
            index += 4
            if let high = pendingHigh {
                guard (0xDC00...0xDFFF).contains(code), let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (code - 0xDC00)) else { return nil }
                scalars.append(scalar)
                pendingHigh = nil
            } else if (0xD800...0xDBFF).contains(code) {
                pendingHigh = code
            } else {
                guard let scalar = Unicode.Scalar(code) else { return nil }
                scalars.append(scalar)
            }
        }
        return nil
    }

    /// The character of a one-letter escape (`\n`, `\"`, …), or `nil`.
    private static func simpleEscape(_ byte: UInt8) -> Unicode.Scalar? {
        switch byte {
        case UInt8(ascii: "\""): "\""
        case UInt8(ascii: "\\"): "\\"
        case UInt8(ascii: "/"): "/"
        case UInt8(ascii: "b"): "\u{8}"
        case UInt8(ascii: "f"): "\u{C}"
        case UInt8(ascii: "n"): "\n"
        case UInt8(ascii: "r"): "\r"
        case UInt8(ascii: "t"): "\t"
        default: nil
        }
    }

    /// The end of the UTF-8 sequence that starts at `start`.
    private static func sequenceEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start + 1
        while end < bytes.count, bytes[end] & 0xC0 == 0x80 { end += 1 }
        return end
    }

    /// Skips a nested array or object (strings inside it included).
    private mutating func skipNested() -> Bool {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                index += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                index += 1
                if depth == 0 { return true }
            case UInt8(ascii: "\""):
                guard string() != nil else { return false }
            default:
                index += 1
            }
        }
        return false
    }

    private mutating func literal(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { return false }
        for k in 0..<count where bytes[index + k] != word.utf8Start[k] { return false }
        index += count
        return true
    }

    private mutating func consume(_ byte: UInt8) -> Bool {
        skipSpace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    private mutating func skipSpace() {
        while index < bytes.count, bytes[index] == 0x20 || bytes[index] == 0x0A || bytes[index] == 0x0D || bytes[index] == 0x09 { index += 1 }
    }

    private mutating func atEnd() -> Bool {
        skipSpace()
        return index == bytes.count
    }
}
