import CairnCore
import CairnML
import Foundation

/// Reads the JSON the prediction log stores: column objects (`{"x": [1, 2]}`) and labels.
enum LoggedJSON {
    /// A logged JSON value: a number, a text, or missing (`null`, or anything else).
    enum Value: Equatable {
        case number(Double)
        case text(String)
        case missing

        /// The value as a class name: text as is, a whole number without a fraction (`1`, not `1.0`).
        var className: String? {
            switch self {
            case .text(let text): text
            case .number(let number) where number.isFinite && number == number.rounded() && abs(number) < 1e15: String(Int64(number))
            case .number(let number): String(number)
            case .missing: nil
            }
        }

        var number: Double? { if case .number(let number) = self { number } else { nil } }
    }

    /// The columns of a JSON object of arrays and its row count (the longest array).
    /// - Throws: `invalid_argument` when the text is not such an object.
    static func columns(_ text: String) throws -> (columns: [String: [Value]], rows: Int) {
        if let parsed = LoggedJSONParser.columns(text) { return parsed }
        // Anything the fast parser does not take is read by Foundation, which also names the mistake.
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CairnError.invalid("a logged column object is not a JSON object")
        }
        var columns: [String: [Value]] = [:]
        for (name, array) in object {
            guard let array = array as? [Any] else { throw CairnError.invalid("logged column '\(name)' is not an array") }
            columns[name] = array.map(value)
        }
        return (columns, columns.values.map(\.count).max() ?? 0)
    }

    /// A posted label's value per row: an array of `rows` values, or one value for a one-row request; `nil` when the
    /// shape does not fit the request.
    static func labels(_ text: String, rows: Int) -> [Value]? {
        if let parsed = LoggedJSONParser.labels(text) {
            if parsed.isArray { return parsed.values.count == rows ? parsed.values : nil }
            return rows == 1 ? parsed.values : nil
        }
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) else { return nil }
        if let array = parsed as? [Any] { return array.count == rows ? array.map(value) : nil }
        return rows == 1 ? [value(parsed)] : nil
    }

    private static func value(_ any: Any) -> Value {
        if let text = any as? String { return .text(text) }
        if any is NSNull { return .missing }
        // JSON true and false arrive as numbers (1 and 0), as scikit-learn reads boolean labels.
        if let number = any as? NSNumber { return .number(number.doubleValue) }
        return .missing
    }

    /// The input columns of several requests as one table: the union of their columns, numeric when every present
    /// value is a number, categorical otherwise (numbers as their text); a column a request lacks is missing there.
    static func inputTable(_ predictions: [LabeledPrediction]) throws -> Table {
        // Parsed on every core: a window may hold hundreds of thousands of requests.
        let parsed = try Parallel.map(predictions.count) { index in Result { try Self.columns(predictions[index].inputs) } }.map { try $0.get() }
        let names = Set(parsed.flatMap(\.columns.keys)).sorted()
        let total = parsed.reduce(0) { $0 + $1.rows }
        let columns = names.map { name -> Column in
            var values: [Value] = []
            values.reserveCapacity(total)
            for request in parsed {
                let column = request.columns[name] ?? []
                values.append(contentsOf: column)
                for _ in column.count..<request.rows { values.append(.missing) }
            }
            let numeric = values.allSatisfy { if case .text = $0 { false } else { true } }
            return numeric
                ? Column(name, doubles: values.map { $0.number ?? .nan })
                : Column(name, strings: values.map(\.className))
        }
        return try Table(columns)
    }
}
