import CairnML
import Foundation
import Testing

@testable import CairnMonitoring

struct MonitoringReportTests {
    @Test func reportHoldsDriftQualityAndOverlaysAndRendersSelfContainedHTML() throws {
        // Given early and late electricity data
        let elec2 = try MonitoringTestData.table("elec2")
        let reference = elec2.selecting(rows: Array(0..<5_000))
        let current = elec2.selecting(rows: Array(40_000..<45_000))

        // When a report is made and rendered
        let report = try MonitoringReport(profile: try ReferenceProfile(reference), current: current)
        let html = HTMLReport.render(report)

        // Then it holds every column's drift result, quality checks and an overlay whose shares sum to 1
        #expect(report.drift.columns.count == elec2.columns.count)
        #expect(report.drift.datasetDrift)
        #expect(!report.quality.checks.isEmpty)
        #expect(report.distributions.count == elec2.columns.count)
        for distribution in report.distributions {
            #expect(abs(distribution.reference.reduce(0, +) - 1) < 1e-9)
            #expect(abs(distribution.current.reduce(0, +) - 1) < 1e-9)
        }
        #expect(html.contains("<svg") && html.contains("nswprice") && html.contains("dataset drift"))
        #expect(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"))
    }

    @Test func manyCategoriesEndWithAnOtherBucket() throws {
        let reference = ColumnSample(Column("c", strings: (0..<40).map { "v\($0 % 20)" }))
        let current = ColumnSample(Column("c", strings: (0..<40).map { "v\($0 % 25)" }))

        let overlay = try #require(ColumnDistribution(column: "c", reference: reference, current: current))

        #expect(overlay.labels.count == ColumnDistribution.maxCategories + 1)
        #expect(overlay.labels.last == "other")
        #expect(abs(overlay.current.reduce(0, +) - 1) < 1e-9)
    }
}
