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
        let ordered = try orderedColumns(text)
        return (Dictionary(ordered.columns, uniquingKeysWith: { _, last in last }), ordered.rows)
    }

    /// The same, in the order the object lists them (a repeated name appears twice; the last one counts).
    static func orderedColumns(_ text: String) throws -> (columns: [(name: String, values: [Value])], rows: Int) {
        if let parsed = LoggedJSONParser.columns(text) { return parsed }
        // Anything the fast parser does not take is read by Foundation, which also names the mistake.
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else {
            throw CairnError.invalid("a logged column object is not a JSON object")
        }
        var columns: [(name: String, values: [Value])] = []
        for (name, array) in object {
            guard let array = array as? [Any] else { throw CairnError.invalid("logged column '\(name)' is not an array") }
            columns.append((name, array.map(value)))
        }
        return (columns, columns.map(\.values.count).max() ?? 0)
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
        let parsed = try Parallel.map(predictions.count) { index in Result { try Self.orderedColumns(predictions[index].inputs) } }
            .map { try $0.get() }
        var names: [String] = []
        var slots: [String: Int] = [:]
        var values: [[Value]] = []
        var rows = 0
        // Requests of one deployment nearly always list the same names in the same order: where a record's names
        // are the previous one's, its columns go to the same slots without looking a name up.
        var lastNames: [String] = []
        var lastSlots: [Int?] = []
        for request in parsed {
            let requestNames = request.columns.map(\.name)
            if requestNames != lastNames {
                lastSlots = requestNames.enumerated().map { index, name -> Int? in
                    // Of a name written twice, only the last counts.
                    if requestNames[(index + 1)...].contains(name) { return nil }
                    if let slot = slots[name] { return slot }
                    slots[name] = names.count
                    names.append(name)
                    values.append([Value](repeating: .missing, count: rows))
                    return names.count - 1
                }
                lastNames = requestNames
            }
            for (slot, column) in zip(lastSlots, request.columns) {
                if let slot { values[slot].append(contentsOf: column.values) }
            }
            rows += request.rows
            for slot in values.indices where values[slot].count < rows {
                values[slot].append(contentsOf: repeatElement(.missing, count: rows - values[slot].count))
            }
        }
        let columns = names.indices.sorted { names[$0] < names[$1] }.map { slot -> Column in
            let numeric = values[slot].allSatisfy { if case .text = $0 { false } else { true } }
            return numeric
                ? Column(names[slot], doubles: values[slot].map { $0.number ?? .nan })
                : Column(names[slot], strings: values[slot].map(\.className))
        }
        return try Table(columns)
    }
}
