import CairnML
import Foundation
import Testing

@testable import CairnRuntime

/// The committed reference cases in `Tests/Fixtures/runtime/` (made by `tools/fixtures/runtime/make_fixtures.py`).
enum RuntimeFixtures {
    /// One model, the rows to score and what the library that made the model gives for them.
    struct Case: Decodable, CustomStringConvertible {
        let name: String
        let model: String
        let format: String
        /// Whether outputs must be bit-identical (tree kernels) rather than within 1e-6 relative (matrix paths).
        let exact: Bool
        var description: String { name }
    }

    /// The outputs the library gave.
    struct Expected: Decodable {
        let labels: [String]?
        let probabilities: [[Double?]]?
        let predictions: [Double?]?
    }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/runtime")

    /// The path of a fixture file.
    static func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    /// Every case of the given format.
    static func cases(_ format: String) -> [Case] {
        let data = try! Data(contentsOf: directory.appendingPathComponent("cases.json"))
        return try! JSONDecoder().decode([Case].self, from: data).filter { $0.format == format }
    }

    /// The rows of a case as a table.
    static func rows(_ fixture: Case) throws -> Table {
        try CSVReader.read(path: path("\(fixture.name).rows.csv"))
    }

    /// The expected outputs of a case.
    static func expected(_ fixture: Case) throws -> Expected {
        try JSONDecoder().decode(Expected.self, from: Data(contentsOf: URL(fileURLWithPath: path("\(fixture.name).expected.json"))))
    }

    /// Checks that `predictor` gives the expected outputs on every row of `fixture`, bit for bit when the case is exact.
    static func check(_ predictor: any Predictor, on fixture: Case) throws {
        let table = try rows(fixture)
        let expected = try expected(fixture)
        let output = try predictor.predict(table)
        #expect(output.rowCount == table.rowCount)
        if let labels = expected.labels {
            let actual = try output.column(named: PredictionColumns.label).strings().map { $0 ?? "" }
            let mismatches = zip(actual, labels).enumerated().filter { $0.element.0 != $0.element.1 }.map(\.offset)
            #expect(mismatches.count == 0, "\(fixture): \(mismatches.count) labels differ, first at row \(mismatches.first ?? -1)")
        }
        if let probabilities = expected.probabilities {
            #expect(predictor.classes.count == probabilities.first?.count)
            for (index, name) in predictor.classes.enumerated() {
                let actual = try output.column(named: PredictionColumns.probability(of: name)).doubles()
                compare(actual, probabilities.map { $0[index] }, fixture: fixture, what: "probability of \(name)")
            }
        }
        if let predictions = expected.predictions {
            compare(try output.column(named: PredictionColumns.prediction).doubles(), predictions, fixture: fixture, what: "prediction")
        }
    }

    private static func compare(_ actual: [Double], _ expected: [Double?], fixture: Case, what: String) {
        #expect(actual.count == expected.count)
        // Matrix paths: within 1e-6 relative, or 1e-6 absolute below 1 (float32 rounding of probabilities near 0).
        let differing = zip(actual, expected).enumerated().filter { _, pair in
            let (a, e) = pair
            guard let e else { return !a.isNaN }
            return fixture.exact ? a != e : !(abs(a - e) <= 1e-6 * max(abs(e), 1))
        }.map { "row \($0.offset): \($0.element.0) vs \($0.element.1.map(String.init(describing:)) ?? "NaN")" }
        #expect(differing.count == 0, "\(fixture) \(what): \(differing.count) of \(expected.count) rows differ; \(differing.first ?? "")")
    }
}
