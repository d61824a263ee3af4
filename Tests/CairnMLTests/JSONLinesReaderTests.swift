import CairnCore
import CairnML
import Testing

struct JSONLinesReaderTests {
    @Test func readsKindsMissingKeysAndNulls() throws {
        let text = """
            {"age": 39, "income": 7.5, "city": "Oslo", "member": true}
            {"age": null, "income": 3, "member": false, "extra": "x"}

            {"age": 41, "city": null}
            """
        let table = try JSONLinesReader.parse(Array(text.utf8))
        #expect(table.rowCount == 3)
        #expect(table.columnNames == ["age", "city", "income", "member", "extra"])
        #expect(try table.column(named: "age").values == .int([39, nil, 41]))
        #expect(try table.column(named: "income").doubles()[0...1] == [7.5, 3])
        #expect(try table.column(named: "income").doubles()[2].isNaN)
        #expect(try table.column(named: "city").strings() == ["Oslo", nil, nil])
        #expect(try table.column(named: "member").values == .bool([true, false, nil]))
        #expect(try table.column(named: "extra").strings() == [nil, "x", nil])
    }

    @Test(arguments: [
        ("[1, 2]", "line 1"),
        ("{\"a\": 1}\n{\"a\": [1]}", "line 2"),
        ("{\"a\": 1}\n{\"a\": ", "line 2"),
        ("{\"a\": 1}\n{\"a\": \"x\"}", "mixes"),
        ("\n\n", "no records"),
    ])
    func badInputIsAClearError(text: String, expected: String) throws {
        let error = #expect(throws: CairnError.self) { try JSONLinesReader.parse(Array(text.utf8)) }
        #expect(error?.message.contains(expected) == true)
    }
}
