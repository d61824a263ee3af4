import CairnCore
import CairnML
import Foundation
import Testing

struct CSVReaderTests {
    @Test func readsAdultWithoutHeaderSpacesAndQuestionMarks() throws {
        // Given the adult data: no header, ", " separators, "?" for missing, test labels ending in "."
        let (train, test) = try TestData.adult()

        // Then rows, names, kinds, missing counts and labels are right
        #expect(train.rowCount == 32_561)
        #expect(test.rowCount == 16_281)
        #expect(train.columnNames == (0..<15).map { "c\($0)" })
        #expect(train["c0"]?.values == .int(Array(train["c0"]!.doubles().map { Int($0) })))
        #expect(train["c1"]?.isCategorical == true)
        #expect(train["c1"]?.levels.first == "State-gov")
        #expect(train["c1"]?.missingCount == 1_836)
        #expect(train["c14"]?.levels.sorted() == ["<=50K", ">50K"])
        #expect(test["c14"]?.levels.sorted() == ["<=50K", ">50K"])
    }

    @Test func readsHeaderedNumbersCategoriesAndEmptyFields() throws {
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        #expect(housing.rowCount == 20_640)
        #expect(housing.columnNames.last == "ocean_proximity")
        #expect(housing["total_bedrooms"]?.missingCount == 207)
        #expect(housing["median_income"]?.doubles().first == 8.3252)
        #expect(housing["ocean_proximity"]?.levels.count == 5)
    }

    @Test func readsAPipeAsItReadsAFile() throws {
        // Given a named pipe a writer fills, as `<(zcat data.csv.gz)` or /dev/stdin give
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let writer = Thread {
            if let handle = FileHandle(forWritingAtPath: path) {
                handle.write(Data("x,label\n1.5,a\n2,b\n".utf8))
                try? handle.close()
            }
        }
        writer.start()
        // Then it is read to its end into the same table a file gives
        let table = try CSVReader.read(path: path)
        #expect(table.rowCount == 2 && table.columnNames == ["x", "label"])
        #expect(try table.column(named: "x").doubles() == [1.5, 2])
        // And a directory is an error, not an empty table
        #expect(throws: CairnError.self) { try CSVReader.read(path: FileManager.default.temporaryDirectory.path) }
    }

    @Test func skipsLinesBeforeTheRecords() throws {
        let cancer = try CSVReader.read(
            path: TestData.dataset("breast_cancer.csv"), options: CSVOptions(hasHeader: false, skipLines: 1))
        #expect(cancer.rowCount == 569)
        #expect(cancer.columnNames.count == 31)
        #expect(cancer["c30"]?.values == .int(cancer["c30"]!.doubles().map { Int($0) }))
        #expect(cancer["c0"]?.doubles().first == 17.99)
    }

    @Test func handlesQuotesEscapesAndEmbeddedNewlines() throws {
        let text = "name,note,n\r\n\"Smith, J\",\"said \"\"hi\"\"\nthen left\",1\r\nLee,,2\r\n\r\n"
        let table = try CSVReader.parse(text)
        #expect(table.rowCount == 2)
        #expect(table["name"]?.strings() == ["Smith, J", "Lee"])
        #expect(table["note"]?.strings() == ["said \"hi\"\nthen left", nil])
        #expect(table["n"]?.values == .int([1, 2]))
    }

    @Test func onlyTheCarriageReturnOfALineEndingIsDropped() throws {
        // The CR of CRLF ends the record's last field, quoted or not, and at the end of the input; a CR before a
        // delimiter is part of its field's text (RFC 4180 has CR only in CRLF)
        let table = try CSVReader.parse("a,b,c\r\n1,2.5,x\r\n3,4.5,\"y\"\r\n5\r,6.5,z\r")
        #expect(table["b"]?.values == .double([2.5, 4.5, 6.5]))
        #expect(table["c"]?.strings() == ["x", "y", "z"])
        #expect(table["a"]?.strings() == ["1", "3", "5\r"])
    }

    @Test func infersBooleansNumbersAndHonoursCategoricalOverrides() throws {
        let text = "a;b;c;d\ntrue;1.5;7;x\nFALSE;NA;-3;y\n"
        let table = try CSVReader.parse(text, options: CSVOptions(delimiter: ";", categoricalColumns: ["c"]))
        #expect(table["a"]?.values == .bool([true, false]))
        #expect(table["b"]?.doubles().first == 1.5)
        #expect(table["b"]?.missingCount == 1)
        #expect(table["c"]?.levels == ["7", "-3"])
        #expect(table["d"]?.levels == ["x", "y"])
    }

    @Test func raggedRowNamesItsLine() throws {
        let error = #expect(throws: CairnError.self) { try CSVReader.parse("a,b\n1,2\n3\n") }
        #expect(error?.message == "line 3 has 1 fields, expected 2")
    }

    @Test func largeInputsReadInTwoPartsGiveTheSameTableAndLineNumbers() throws {
        // Given a file over a megabyte (read in two concurrent parts) whose second half holds new categories
        let rows = (0..<100_000).map { i in "\(i),\(Double(i) / 8),\(i < 40_000 ? "a" : "b\(i % 3)")" }
        let text = "id,x,tag\n" + rows.joined(separator: "\n") + "\n"
        // Then every row is read in order, with one set of categories across the parts
        let table = try CSVReader.parse(text)
        #expect(text.utf8.count > 1 << 20)
        #expect(table.rowCount == 100_000)
        #expect(table["id"]?.values == .int((0..<100_000).map { $0 }))
        #expect(table["x"]?.doubles().last == 99_999.0 / 8)
        #expect(table["tag"]?.levels == ["a", "b1", "b2", "b0"])
        // And a ragged row in the second part is reported at its line
        var ragged = rows
        ragged[90_000] = "1,2"
        let error = #expect(throws: CairnError.self) { try CSVReader.parse("id,x,tag\n" + ragged.joined(separator: "\n")) }
        #expect(error?.message == "line 90002 has 2 fields, expected 3")
    }

    @Test func unterminatedQuoteNamesItsLine() throws {
        let error = #expect(throws: CairnError.self) { try CSVReader.parse("a,b\n1,\"open\n") }
        #expect(error?.message == "line 2 has an unterminated quoted field")
    }
}

/// Gzip-compressed data files, recognized by content.
struct GzipCSVTests {
    @Test func readsTheCompressedKDDCupFile() throws {
        let table = try CSVReader.read(path: TestData.dataset("kddcup99_10_percent.csv.gz"), options: CSVOptions(hasHeader: false))
        #expect(table.rowCount == 494_021)
        #expect(table.columns.count == 42)
    }

    @Test func truncatedOrCorruptGzipIsAClearError() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: TestData.dataset("kddcup99_10_percent.csv.gz")))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-gzip-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        var corrupt = original.prefix(4096)
        corrupt[2000] ^= 0xFF
        for (name, bytes) in [("truncated.csv.gz", original.prefix(4096)), ("corrupt.csv.gz", corrupt)] {
            let path = directory.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(throws: CairnError.self) { try CSVReader.read(path: path, options: CSVOptions(hasHeader: false)) }
        }
    }
}
