import CairnML
import Foundation
import Testing

@testable import CairnMonitoring

struct ReferenceProfileTests {
    private func elec2(_ start: Int, _ end: Int) throws -> Table {
        try MonitoringTestData.table("elec2").selecting(rows: Array(start..<end))
    }

    @Test func exactProfileGivesTheSameResultsAsTheRawReference() throws {
        // Given a reference table, its profile written to JSON and read back, and a current table
        let reference = try elec2(0, 10_000)
        let current = try elec2(35_312, 45_312)
        let profile = try ReferenceProfile.decode(try ReferenceProfile(reference).encoded())

        // When drift runs against the table and against the profile
        let raw = try DriftDetector.run(reference: reference, current: current)
        let stored = try DriftDetector.run(profile: profile, current: current)

        // Then the results are identical and none is approximate
        #expect(stored == raw)
        #expect(stored.columns.allSatisfy { !$0.approximate })
    }

    @Test func compressedProfileApproximatesAndKeepsVerdicts() throws {
        // Given a profile keeping at most 500 points per numeric column
        let reference = try elec2(0, 10_000)
        let current = try elec2(35_312, 45_312)
        let profile = try ReferenceProfile(reference, maxPoints: 500)

        // When drift runs against it
        let raw = try DriftDetector.run(reference: reference, current: current)
        let stored = try DriftDetector.run(profile: profile, current: current)

        // Then compressed columns are marked approximate, scores are close and verdicts equal
        for exact in raw.columns {
            let approx = try #require(stored[exact.column])
            #expect(approx.method == exact.method)
            #expect(approx.drifted == exact.drifted, "\(exact.column)")
            let score = try #require(exact.score)
            #expect(abs((approx.score ?? .nan) - score) <= 0.02 * max(score, 0.1), "\(exact.column)")
        }
        #expect(stored["nswprice"]?.approximate == true)
        #expect(stored.datasetDrift == raw.datasetDrift)
    }

    @Test func profileSummarizesNumbersAndCategories() throws {
        // Given a small table with a missing number, an infinity and text
        let table = try Table([
            Column("x", doubles: [1, 2, .nan, 4, .infinity]),
            Column("c", strings: ["a", "b", "a", nil, "a"]),
        ])

        // When it is profiled
        let profile = try ReferenceProfile(table)

        // Then counts, missing shares and the numeric summary describe it
        let x = try #require(profile["x"])
        #expect(x.missingCount == 1 && x.infiniteCount == 1 && x.missingShare == 0.2)
        #expect(x.summary?.min == 1 && x.summary?.max == 4)
        #expect(x.summary?.quantiles[10] == 2)
        #expect(x.summary?.histogramCounts.reduce(0, +) == 3)
        let c = try #require(profile["c"])
        guard case .categorical(let counts) = c.sample else { Issue.record("c is not categorical"); return }
        #expect(counts.counts == [.text("a"): 3, .text("b"): 1])
    }

    @Test func emptyReferenceIsRejected() throws {
        let empty = try Table([Column("x", doubles: [])])
        #expect(throws: Error.self) { try ReferenceProfile(empty) }
    }

    @Test func foreignJSONIsRejectedWithAClearError() {
        #expect(throws: Error.self) { try ReferenceProfile.decode(Data("{\"a\": 1}".utf8)) }
    }
}
