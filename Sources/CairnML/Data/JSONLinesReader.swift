import CairnCore
import Foundation

/// Reads JSON Lines (one JSON object per line) into a ``Table``: one column per key seen in any record, in order of
/// first appearance; a key absent from a record, or `null`, is a missing value.
///
/// A column becomes integers when every present value is a whole JSON number, numbers when every one is a JSON
/// number, booleans when every one is `true`/`false`, and categories when every one is a string. Blank lines are
/// skipped. Gzip-compressed files are decompressed first.
public enum JSONLinesReader {
    /// Reads the file at `path`.
    /// - Throws: `not_found` when the file cannot be read; `invalid_argument` as ``parse(_:)``.
    public static func read(path: String) throws -> Table {
        try parse(Gzip.readFile(path))
    }

    /// Parses JSON Lines bytes (UTF-8).
    /// - Throws: `invalid_argument` naming the line of a record that is not a JSON object, holds a nested array or
    ///   object, or whose value kind differs from the column's; or when there are no records.
    public static func parse(_ bytes: [UInt8]) throws -> Table {
        var names: [String] = []
        var values: [String: [Scalar?]] = [:]
        var rowCount = 0
        let decoder = JSONDecoder()
        for (index, line) in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated() {
            if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") || $0 == UInt8(ascii: "\t") }) { continue }
            let record: [String: Scalar?]
            do {
                record = try decoder.decode([String: Scalar?].self, from: Data(line))
            } catch {
                throw CairnError.invalid("line \(index + 1): not a JSON object of numbers, strings, booleans and nulls")
            }
            for key in record.keys.sorted() where values[key] == nil {
                names.append(key)
                values[key] = [Scalar?](repeating: nil, count: rowCount)
            }
            for name in names { values[name]!.append(record[name] ?? nil) }
            rowCount += 1
        }
        guard rowCount > 0 else { throw CairnError.invalid("the JSON Lines input has no records") }
        return try Table(names.map { try column($0, values[$0]!) })
    }

    /// One JSON value that is not an array or object.
    private enum Scalar: Decodable {
        case bool(Bool)
        case number(Double)
        case string(String)

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else {
                self = .string(try container.decode(String.self))
            }
        }
    }

    private static func column(_ name: String, _ values: [Scalar?]) throws -> Column {
        let present = values.compactMap { $0 }
        if present.allSatisfy({ if case .bool = $0 { true } else { false } }) {
            return Column(name: name, values: .bool(values.map { value -> Bool? in if case .bool(let b) = value { b } else { nil } }))
        }
        if present.allSatisfy({ if case .number = $0 { true } else { false } }) {
            let numbers = values.map { value -> Double? in if case .number(let x) = value { x } else { nil } }
            if numbers.allSatisfy({ $0.map { $0 == $0.rounded() && abs($0) < 9e15 } ?? true }) {
                return Column(name: name, values: .int(numbers.map { $0.map { Int($0) } }))
            }
            return Column(name, doubles: numbers.map { $0 ?? .nan })
        }
        if present.allSatisfy({ if case .string = $0 { true } else { false } }) {
            return Column(name, strings: values.map { value -> String? in if case .string(let s) = value { s } else { nil } })
        }
        throw CairnError.invalid("column '\(name)' mixes value kinds (numbers, strings, booleans)")
    }
}
