import CairnCore
import Foundation

/// A parsed JSON or UBJSON document: the tree an XGBoost model file holds.
///
/// UBJSON's typed arrays stay packed (`floats`, `integers`) so a large model does not become one value per number.
indirect enum Document: Sendable {
    case object([String: Document])
    case array([Document])
    case floats([Float])
    case integers([Int64])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    /// Parses JSON text.
    /// - Throws: `invalid_argument` when the bytes are not JSON.
    static func json(_ data: Data) throws -> Document {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw CairnError.invalid("the model file is not valid JSON")
        }
        return Document(foundation: object)
    }

    private init(foundation value: Any) {
        switch value {
        case let dictionary as [String: Any]: self = .object(dictionary.mapValues(Document.init(foundation:)))
        case let array as [Any]: self = .array(array.map(Document.init(foundation:)))
        case let string as String: self = .string(string)
        case let number as NSNumber: self = .number(number.doubleValue)
        default: self = .null
        }
    }

    /// The member `key` of an object.
    /// - Throws: `invalid_argument` naming the key when this is not an object or lacks it.
    subscript(_ key: String) -> Document {
        get throws {
            guard case .object(let members) = self, let member = members[key] else {
                throw CairnError.invalid("the model lacks the field '\(key)'")
            }
            return member
        }
    }

    /// The member `key` of an object, or `nil` when absent.
    func optional(_ key: String) -> Document? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The elements of an array.
    func elements(_ what: String) throws -> [Document] {
        switch self {
        case .array(let values): return values
        case .floats(let values): return values.map { .number(Double($0)) }
        case .integers(let values): return values.map { .number(Double($0)) }
        default: throw CairnError.invalid("the model's '\(what)' is not a list")
        }
    }

    /// A number, also from a string holding one (XGBoost writes parameters as strings).
    func double(_ what: String) throws -> Double {
        switch self {
        case .number(let value): return value
        case .string(let text):
            if let value = Double(text) { return value }
        default: break
        }
        throw CairnError.invalid("the model's '\(what)' is not a number")
    }

    /// A whole number within `Int32`'s range, also from a string holding one.
    func int(_ what: String) throws -> Int {
        let value = try double(what)
        guard value == value.rounded(), abs(value) <= Double(Int32.max) else {
            throw CairnError.invalid("the model's '\(what)' is not a whole number")
        }
        return Int(value)
    }

    /// Text.
    func string(_ what: String) throws -> String {
        guard case .string(let text) = self else { throw CairnError.invalid("the model's '\(what)' is not text") }
        return text
    }

    /// A list of numbers as `Float`.
    func floats(_ what: String) throws -> [Float] {
        if case .floats(let values) = self { return values }
        return try elements(what).map { Float(try $0.double(what)) }
    }

    /// A list of whole numbers.
    func ints(_ what: String) throws -> [Int] {
        if case .integers(let values) = self {
            guard values.allSatisfy({ abs($0) <= Int64(Int32.max) }) else {
                throw CairnError.invalid("the model's '\(what)' holds a number out of range")
            }
            return values.map { Int($0) }
        }
        return try elements(what).map { try $0.int(what) }
    }
}
