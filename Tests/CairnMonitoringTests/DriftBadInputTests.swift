import CairnML
import Testing

@testable import CairnMonitoring

/// Bad input gives a clear per-column result or an error, never a crash or a silent pass.
struct DriftBadInputTests {
    @Test func emptyCurrentDataIsAnError() throws {
        let reference = try Table([Column("x", doubles: [1, 2, 3])])
        let current = try Table([Column("x", doubles: [])])
        #expect(throws: Error.self) { try DriftDetector.run(reference: reference, current: current) }
        #expect(throws: Error.self) { try DriftDetector.run(reference: current, current: reference) }
    }

    @Test func allMissingColumnIsSkippedWithTheReason() throws {
        let reference = try Table([Column("x", doubles: [1, 2, 3]), Column("y", doubles: [1, 2, 3])])
        let current = try Table([Column("x", doubles: [.nan, .infinity, .nan]), Column("y", doubles: [1, 2, 3])])

        let report = try DriftDetector.run(reference: reference, current: current)

        let x = try #require(report["x"])
        #expect(x.method == nil && !x.drifted)
        #expect(x.skipReason == "no present values in the current data")
        #expect(report.shareDrifted == 0)
    }

    @Test func singleDistinctValueOnBothSidesIsNotDrift() throws {
        let reference = try Table([Column("k", doubles: Array(repeating: 7, count: 50))])
        let current = try Table([Column("k", doubles: Array(repeating: 7, count: 80))])

        let k = try #require(try DriftDetector.run(reference: reference, current: current)["k"])

        #expect(k.method == .z && k.pValue == 1 && !k.drifted)
    }

    @Test func columnsMissingFromEitherSideAreReported() throws {
        let reference = try Table([Column("a", doubles: [1, 2, 3]), Column("gone", doubles: [1, 2, 3])])
        let current = try Table([Column("a", doubles: [1, 2, 3]), Column("new", doubles: [4, 5, 6])])

        let report = try DriftDetector.run(reference: reference, current: current)

        #expect(report["gone"]?.skipReason == "column missing from the current data")
        #expect(report["new"]?.skipReason == "column missing from the reference data")
        #expect(throws: Error.self) {
            try DriftDetector.run(reference: reference, current: current, options: DriftOptions(columns: ["gone"]))
        }
    }

    @Test func infinitiesAndNaNAreDroppedBeforeTesting() throws {
        let values = (0..<200).map { Double($0 % 37) * 1.5 }
        let shifted = (0..<150).map { Double($0 % 41) * 1.5 + 3 }
        let reference = try Table([Column("x", doubles: values + [.nan, .infinity, -.infinity])])
        let current = try Table([Column("x", doubles: shifted + [.nan])])
        let clean = try DriftDetector.run(reference: try Table([Column("x", doubles: values)]),
                                          current: try Table([Column("x", doubles: shifted)]))

        let report = try DriftDetector.run(reference: reference, current: current)

        #expect(report == clean)
    }

    @Test func textWhereNumbersWereIsSkippedWithTheReason() throws {
        let reference = try Table([Column("x", strings: ["a", "b", "a", "c"])])
        let current = try Table([Column("x", doubles: [1, 2, 3, 4, 5, 6, 7])])

        let x = try #require(try DriftDetector.run(reference: reference, current: current)["x"])

        #expect(x.method == nil)
        #expect(x.skipReason == "the reference holds text where the current data holds numbers")
    }

    @Test func textColumnsAreSkippedNotSilentlyPassed() throws {
        let ids = (0..<100).map { "id-\($0)" }
        let table = try Table([Column("id", strings: ids)])

        let id = try #require(try DriftDetector.run(reference: table, current: table)["id"])

        #expect(id.type == .text && id.method == nil && id.skipReason != nil)
    }
}
