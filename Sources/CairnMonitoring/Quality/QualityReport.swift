/// Every data quality check of one comparison.
public struct QualityReport: Sendable, Equatable, Codable {
    /// The checks, schema checks first, then per column in the current data's order.
    public var checks: [QualityCheck]

    /// Whether no check failed.
    public var passed: Bool { !checks.contains { $0.status == .failed } }

    /// The checks that failed.
    public var failures: [QualityCheck] { checks.filter { $0.status == .failed } }

    /// The checks on the named column.
    public func checks(for column: String) -> [QualityCheck] { checks.filter { $0.column == column } }
}
