import CairnAPI
import CairnCore
import Foundation
import Testing

struct JSONValueParsingTests {
    static func parse(_ text: String) throws -> JSONValue { try JSONValue(parsing: Array(text.utf8)) }

    @Test func keepsIntegersBooleansAndDoublesApart() throws {
        #expect(try Self.parse(#"[1, -2, 1.5, 2e3, true, null, "x", 9223372036854775807, 9223372036854775808]"#) == .array([
            .integer(1), .integer(-2), .number(1.5), .number(2000), .bool(true), .null, .string("x"), .integer(Int64.max),
            .number(9_223_372_036_854_775_808),
        ]))
        #expect(try Self.parse(#" {"a": {"b": []}, "c": {}} "#) == .object(["a": .object(["b": .array([])]), "c": .object([:])]))
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try Self.parse(#""a\"b\\c\/d\n\t\u00e9\ud83d\ude00""#) == .string("a\"b\\c/d\n\té😀"))
        #expect(try Self.parse("\"héllo\"") == .string("héllo"))
    }

    @Test(arguments: ["", "[1,]", "{\"a\" 1}", "[NaN]", "[Infinity]", "01", "1.", "[1] x", "\"\\ud800\"", "\"a\nb\"", "tru", "1e999"])
    func rejectsInvalidJSON(text: String) {
        #expect(throws: CairnError.self) { try Self.parse(text) }
    }

    @Test func agreesWithJSONDecoderOnAMixedDocument() throws {
        let text = #"{"inputs": [{"name": "x", "shape": [2, 2], "datatype": "FP64", "data": [[1.25, -3], [0.5, 1e-3]]}], "id": "é"}"#
        #expect(try Self.parse(text) == (try JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))))
    }

    @Test func limitsNesting() {
        #expect(throws: CairnError.self) { try Self.parse(String(repeating: "[", count: 600) + String(repeating: "]", count: 600)) }
    }
}
