import CairnML
import Testing

@testable import CairnMonitoring

struct QualityCheckerTests {
    private let reference = try! Table([
        Column("age", doubles: [20, 30, 40, 50, .nan]),
        Column("city", strings: ["Oslo", "Rome", "Oslo", "Lima", "Rome"]),
        Column("dropped", doubles: [1, 2, 3, 4, 5]),
    ])

    @Test func cleanDataPassesEveryCheck() throws {
        let profile = try ReferenceProfile(reference)
        let current = try reference.dropping([])

        let report = try QualityChecker.run(profile: profile, current: current)

        #expect(report.passed, "\(report.failures)")
    }

    @Test func eachProblemFailsItsOwnCheck() throws {
        // Given current data with more missing ages, ages out of range, an infinity, an unseen city,
        // a missing column and an extra one
        let profile = try ReferenceProfile(reference)
        let current = try Table([
            Column("age", doubles: [.nan, .nan, 95, .infinity, 30]),
            Column("city", strings: ["Oslo", "Paris", "Oslo", "Rome", "Rome"]),
            Column("extra", doubles: [1, 2, 3, 4, 5]),
        ])

        // When the checks run
        let report = try QualityChecker.run(profile: profile, current: current)

        // Then each problem is a failed check with its measured share
        func check(_ column: String, _ kind: QualityCheck.Kind) -> QualityCheck? {
            report.checks.first { $0.column == column && $0.check == kind }
        }
        #expect(check("dropped", .missingColumn)?.status == .failed)
        #expect(check("extra", .extraColumn)?.status == .failed)
        #expect(check("age", .missingShare)?.status == .failed)
        #expect(check("age", .missingShare)?.value == 0.4)
        #expect(check("age", .outOfRange)?.value == 2.0 / 3.0)
        #expect(check("age", .nonFinite)?.status == .failed)
        #expect(check("city", .unseenCategories)?.value == 0.2)
        #expect(check("city", .unseenCategories)?.detail == "1 unseen: Paris")
        #expect(!report.passed)
    }

    @Test func changedKindFailsAndSkipsValueChecks() throws {
        let profile = try ReferenceProfile(reference)
        let current = try Table([
            Column("age", strings: ["young", "old", "old", "young", "old"]),
            Column("city", strings: ["Oslo", "Rome", "Oslo", "Lima", "Rome"]),
            Column("dropped", doubles: [1, 2, 3, 4, 5]),
        ])

        let report = try QualityChecker.run(profile: profile, current: current)

        #expect(report.checks(for: "age").map(\.check) == [.kind])
        #expect(report.checks(for: "age").first?.status == .failed)
    }

    @Test func allMissingColumnSkipsRangeChecksWithTheReason() throws {
        let profile = try ReferenceProfile(reference)
        let current = try Table([
            Column("age", doubles: [.nan, .nan]), Column("city", strings: [nil, nil]), Column("dropped", doubles: [1, 2]),
        ])

        let report = try QualityChecker.run(profile: profile, current: current)

        let range = report.checks.first { $0.column == "age" && $0.check == .outOfRange }
        #expect(range?.status == .skipped && range?.detail == "no present values in the current data")
        #expect(report.checks.first { $0.column == "city" && $0.check == .unseenCategories }?.status == .skipped)
        #expect(report.checks.first { $0.column == "age" && $0.check == .missingShare }?.status == .failed)
    }

    @Test func emptyCurrentDataIsAnError() throws {
        let profile = try ReferenceProfile(reference)
        let empty = try Table([Column("age", doubles: [])])
        #expect(throws: Error.self) { try QualityChecker.run(profile: profile, current: empty) }
    }
}
