import CairnML
import Foundation
import Testing

/// The CSV reader's numbers are bit for bit what C's `strtod` reads, fast path or not.
struct DecimalParsingTests {
    /// Decimal texts of every shape the fast path takes or refuses: up to 20 digits, any point position, optional
    /// exponents, signs, and the odd forms strtod also accepts.
    private static func texts(count: Int) -> [String] {
        var rng = Xorshift(seed: 0x5EED)
        var out = ["0", "-0", "+0.0", "1e22", "1e23", "9007199254740993", "0.1", "2.2250738585072014e-308",
                   "1.7976931348623157e308", "123456789012345678901", ".5", "5.", "-.5e-3", "1E+5", "inf", "-nan",
                   "0x1p3", "00000000000000000000001.5", "1.00000000000000000000001", "4.9e-324"]
        for _ in 0..<count {
            let digitCount = Int(rng.next() % 20) + 1
            var digits = (0..<digitCount).map { _ in String(rng.next() % 10) }.joined()
            let point = Int(rng.next() % UInt64(digitCount + 1))
            if point < digitCount { digits.insert(".", at: digits.index(digits.startIndex, offsetBy: point)) }
            var text = (rng.next() % 3 == 0 ? "-" : "") + digits
            if rng.next() % 4 == 0 { text += "e\(Int(rng.next() % 61) - 30)" }
            out.append(text)
        }
        return out
    }

    @Test func csvNumbersAreBitIdenticalToStrtodAndSwift() throws {
        // Given many decimal texts in one CSV column: up to 20 digits, exponents, 17+ significant digits,
        // subnormals, overflow, and forms only strtod reads
        let texts = Self.texts(count: 200_000) + ["4.9406564584124654e-324", "2.4703282292062328e-324", "1e-400",
                                                  "123456789012345678e-5", "9007199254740993e-22", "0.000000000000000000001234"]
        let table = try CSVReader.parse("x\n" + texts.joined(separator: "\n") + "\n")
        // Then each parsed value has strtod's exact bits (NaN matching NaN)
        let values = try table.column(named: "x").doubles()
        #expect(values.count == texts.count)
        var mismatches = 0
        var swiftMismatches = 0
        for (text, value) in zip(texts, values) {
            let reference = strtod(text, nil)
            if reference.bitPattern != value.bitPattern && !(reference.isNaN && value.isNaN) { mismatches += 1 }
            // And Swift's own parser agrees wherever it reads the text
            if let swift = Double(text), swift.bitPattern != value.bitPattern, !(swift.isNaN && value.isNaN) { swiftMismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(swiftMismatches == 0)
    }

    @Test func numbersOfEveryMagnitudeAreBitIdenticalToStrtod() throws {
        // Given 15- to 19-digit numbers with exponents across the whole double range, subnormals and overflow
        // included, and numbers one unit away from exact halfway points between doubles
        var rng = Xorshift(seed: 0xE15E1)
        var texts: [String] = []
        for _ in 0..<100_000 {
            let digitCount = Int(rng.next() % 5) + 15
            let digits = String(rng.next() % 9 + 1) + (1..<digitCount).map { _ in String(rng.next() % 10) }.joined()
            texts.append("\(digits)e\(Int(rng.next() % 680) - 360)")
        }
        for _ in 0..<20_000 {
            // 2^53 + 1 + 2k is halfway between two doubles; its neighbours are not
            let halfway = (UInt64(1) << 53) + 1 + 2 * (rng.next() % (1 << 40))
            texts += [String(halfway), String(halfway - 1), String(halfway + 1), "\(halfway)e-3", "\(halfway)0e-1"]
        }
        let table = try CSVReader.parse("x\n" + texts.joined(separator: "\n") + "\n")
        // Then every value has strtod's exact bits
        let values = try table.column(named: "x").doubles()
        #expect(values.count == texts.count)
        let mismatches = zip(texts, values).filter { strtod($0.0, nil).bitPattern != $0.1.bitPattern }.map(\.0)
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }

    @Test func higgsSampleValuesAreBitIdenticalToStrtod() throws {
        let path = TestData.dataset("lightgbm_higgs_binary.train.tsv")
        let table = try CSVReader.read(path: path, options: CSVOptions(hasHeader: false, delimiter: "\t"))
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        for column in 1..<table.columns.count {
            let values = table.columns[column].doubles()
            for (row, line) in lines.prefix(2_000).enumerated() {
                let text = String(line.split(separator: "\t")[column])
                #expect(strtod(text, nil).bitPattern == values[row].bitPattern, "row \(row) column \(column): \(text)")
            }
        }
    }
}

/// A tiny seeded generator, so the texts are the same on every run.
private struct Xorshift {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state ^= state << 13
        state ^= state >> 7
        state ^= state << 17
        return state
    }
}
