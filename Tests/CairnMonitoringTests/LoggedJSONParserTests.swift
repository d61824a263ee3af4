import Foundation
import Testing

@testable import CairnMonitoring

/// The fast parser of logged column objects reads what Foundation reads, the same way.
struct LoggedJSONParserTests {
    /// Foundation's reading of a column object, as the parser must reproduce it.
    private static func foundation(_ text: String) -> [String: [LoggedJSON.Value]]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] else { return nil }
        var columns: [String: [LoggedJSON.Value]] = [:]
        for (name, value) in object {
            guard let array = value as? [Any] else { return nil }
            columns[name] = array.map { item in
                if let text = item as? String { return .text(text) }
                if let number = item as? NSNumber, !(item is NSNull) { return .number(number.doubleValue) }
                return .missing
            }
        }
        return columns
    }

    @Test(arguments: [
        #"{"x": [1, 2.5, -3e2, 0.000001, 12345678901234567890], "c": ["a", null, "b"]}"#,
        #" { "flag" : [true, false] , "e":[] } "#,
        #"{"esc\"aped": ["line\nbreak", "tab\t", "quote\"", "slash\/", "\u00e9t\u00e9", "\ud83d\ude00", "caf\u00e9 ☕ ünï"]}"#,
        #"{"nested": [[1, 2], {"a": "]"}, 3]}"#,
        #"{}"#,
        #"{"prediction": [0.25], "probability(1)": [0.75], "label": ["yes"]}"#,
    ])
    func columnObjectsReadAsFoundationReadsThem(text: String) throws {
        let parsed = try #require(LoggedJSONParser.columns(text))
        #expect(Dictionary(parsed.columns, uniquingKeysWith: { _, last in last }) == Self.foundation(text))
        #expect(parsed.rows == (Self.foundation(text)?.values.map(\.count).max() ?? 0))
    }

    @Test(arguments: [
        #"{"x": 1}"#, #"{"x": [1,]}"#, #"{"x": [1] "y": [2]}"#, #"[1]"#, #"{"x": [nul]}"#, #"{"x": ["open]}"#, #"{"x": [1]} trailing"#, "",
        #"{"x": [+1]}"#, #"{"x": [01]}"#, #"{"x": [.5]}"#, #"{"x": [5.]}"#, #"{"x": [1e]}"#, #"{"x": [-]}"#,
    ])
    func anythingElseIsLeftToFoundation(text: String) {
        #expect(LoggedJSONParser.columns(text) == nil)
    }

    @Test func labelsAreOneScalarOrAnArray() throws {
        #expect(LoggedJSONParser.labels("1")?.values == [.number(1)])
        #expect(LoggedJSONParser.labels(#" "spam" "#)?.values == [.text("spam")])
        #expect(LoggedJSONParser.labels("true")?.values == [.number(1)])
        let array = try #require(LoggedJSONParser.labels(#"[0, "b", null]"#))
        #expect(array.isArray && array.values == [.number(0), .text("b"), .missing])
        #expect(LoggedJSONParser.labels("[1, 2") == nil)
        // Through LoggedJSON, the shape must fit the request's rows
        #expect(LoggedJSON.labels("[1, 0]", rows: 2) == [.number(1), .number(0)])
        #expect(LoggedJSON.labels("[1, 0]", rows: 3) == nil)
        #expect(LoggedJSON.labels("1", rows: 2) == nil)
    }

    @Test func requestsWithDifferentColumnsMakeOneTableOfTheirUnion() throws {
        // Given logged inputs in varying order, with a column absent, an array shorter than the request, and a
        // name written twice
        let inputs = [
            #"{"b": [1], "a": ["x"]}"#, #"{"b": [2], "a": ["y"]}"#, #"{"a": ["z"], "c": [1.5, 2.5]}"#, #"{"b": [3], "b": [4]}"#,
        ]
        let records = inputs.enumerated().map { index, text in
            LabeledPrediction(requestID: "r\(index)", model: "m", version: "1", inputs: text, outputs: "{}", time: Int64(index), label: nil)
        }

        // When they become one table
        let table = try LoggedJSON.inputTable(records)

        // Then it has every column once, by name, each missing where a request lacks it, and the last of a repeated name
        #expect(table.columnNames == ["a", "b", "c"])
        #expect(table["a"]?.strings() == ["x", "y", "z", nil, nil])
        #expect(table["b"]?.doubles().map { $0.isNaN ? -1 : $0 } == [1, 2, -1, -1, 4])
        #expect(table["c"]?.doubles().map { $0.isNaN ? -1 : $0 } == [-1, -1, 1.5, 2.5, -1])
    }
}
