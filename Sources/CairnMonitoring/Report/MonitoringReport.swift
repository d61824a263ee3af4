import CairnCore
import CairnML
import Foundation

/// Drift, data quality and distribution overlays of current data against a reference profile: the content of
/// `cairn monitor report`, as JSON or rendered to HTML.
public struct MonitoringReport: Sendable, Equatable, Codable {
    /// When the report was made.
    public var createdAt: Date
    /// Rows in the reference and in the current data.
    public var referenceRows: Int
    public var currentRows: Int
    public var drift: DriftReport
    public var quality: QualityReport
    /// One overlay per tested column, in the drift report's order.
    public var distributions: [ColumnDistribution]
    /// The drift share of earlier checks, oldest first (a monitor's runs); empty for a one-off report.
    public var driftHistory: [DriftPoint] = []

    /// Runs the drift tests and the quality checks and draws the distributions.
    /// - Throws: `invalid_argument` when the current data has no rows or a named column is not in it.
    public init(
        profile: ReferenceProfile, current: Table, options: DriftOptions = DriftOptions(),
        thresholds: QualityThresholds = QualityThresholds(), createdAt: Date = Date()
    ) throws {
        self.createdAt = createdAt
        referenceRows = profile.rowCount
        currentRows = current.rowCount
        drift = try DriftDetector.run(profile: profile, current: current, options: options)
        quality = try QualityChecker.run(profile: profile, current: current, thresholds: thresholds)
        distributions = drift.columns.compactMap { result in
            guard let reference = profile[result.column]?.sample, let column = current[result.column] else { return nil }
            return ColumnDistribution(column: result.column, reference: reference, current: ColumnSample(column))
        }
    }
}
