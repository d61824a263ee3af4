import CairnCore
import CairnML

/// Checks current data against a reference profile: schema, kinds, missing values, ranges, categories and
/// infinities, each as a share compared with a threshold.
public enum QualityChecker {
    /// Runs every check.
    ///
    /// A column missing from the current data fails `missing_column`; an extra one fails `extra_column` (unless
    /// the thresholds allow extras); a column whose kind changed fails `kind` and gets no value checks. A check
    /// that cannot measure anything (no present values) is skipped with the reason.
    /// - Throws: `invalid_argument` when the current data has no rows.
    public static func run(profile: ReferenceProfile, current: Table, thresholds: QualityThresholds = QualityThresholds())
        throws -> QualityReport
    {
        guard current.rowCount > 0 else { throw CairnError.invalid("the current data has no rows") }
        var checks: [QualityCheck] = []
        for reference in profile.columns where current[reference.name] == nil {
            checks.append(QualityCheck(column: reference.name, check: .missingColumn, status: .failed, value: nil,
                                       threshold: nil, detail: "in the reference, absent from the current data"))
        }
        for column in current.columns {
            guard let reference = profile[column.name] else {
                checks.append(QualityCheck(column: column.name, check: .extraColumn,
                                           status: thresholds.failOnExtraColumns ? .failed : .passed, value: nil,
                                           threshold: nil, detail: "in the current data, absent from the reference"))
                continue
            }
            checks += columnChecks(column, reference, thresholds)
        }
        return QualityReport(checks: checks)
    }

    private static func columnChecks(_ column: Column, _ reference: ColumnProfile, _ thresholds: QualityThresholds)
        -> [QualityCheck]
    {
        let name = column.name
        let currentKind = ColumnProfile.Kind(column.values)
        let referenceIsText = reference.kind == .text
        if referenceIsText != (currentKind == .text) {
            return [QualityCheck(column: name, check: .kind, status: .failed, value: nil, threshold: nil,
                                 detail: "reference holds \(reference.kind.rawValue) values, current holds \(currentKind.rawValue)")]
        }
        var checks = [QualityCheck(column: name, check: .kind, status: .passed, value: nil, threshold: nil,
                                   detail: "\(currentKind.rawValue) values")]
        let missingShare = Double(column.missingCount) / Double(column.count)
        checks.append(.share(name, .missingShare, value: missingShare,
                             threshold: min(reference.missingShare + thresholds.missingShareIncrease, 1),
                             detail: "reference missing share \(reference.missingShare)"))
        if referenceIsText {
            checks.append(unseenCategories(column, reference, thresholds))
        } else {
            checks += numericChecks(column, reference, thresholds)
        }
        return checks
    }

    private static func numericChecks(_ column: Column, _ reference: ColumnProfile, _ thresholds: QualityThresholds)
        -> [QualityCheck]
    {
        let name = column.name
        let values = column.doubles().filter { !$0.isNaN }
        guard !values.isEmpty else {
            return [
                QualityCheck(column: name, check: .nonFinite, status: .skipped, value: nil, threshold: thresholds.nonFiniteShare,
                             detail: "no present values in the current data"),
                QualityCheck(column: name, check: .outOfRange, status: .skipped, value: nil, threshold: thresholds.outOfRangeShare,
                             detail: "no present values in the current data"),
            ]
        }
        let infinite = values.reduce(0) { $0 + ($1.isInfinite ? 1 : 0) }
        var checks = [QualityCheck.share(name, .nonFinite, value: Double(infinite) / Double(values.count),
                                         threshold: thresholds.nonFiniteShare, detail: "\(infinite) infinite values")]
        guard let summary = reference.summary else {
            checks.append(QualityCheck(column: name, check: .outOfRange, status: .skipped, value: nil,
                                       threshold: thresholds.outOfRangeShare, detail: "the reference has no finite values"))
            return checks
        }
        let outside = values.reduce(0) { $0 + ($1 < summary.min || $1 > summary.max ? 1 : 0) }
        checks.append(.share(name, .outOfRange, value: Double(outside) / Double(values.count), threshold: thresholds.outOfRangeShare,
                             detail: "\(outside) values outside the reference range [\(summary.min), \(summary.max)]"))
        return checks
    }

    private static func unseenCategories(_ column: Column, _ reference: ColumnProfile, _ thresholds: QualityThresholds)
        -> QualityCheck
    {
        let current = CategoryCounts(column)
        guard !current.isEmpty, case .categorical(let known) = reference.sample else {
            return QualityCheck(column: column.name, check: .unseenCategories, status: .skipped, value: nil,
                                threshold: thresholds.unseenCategoryShare, detail: "no present values in the current data")
        }
        let unseen = current.counts.filter { known.counts[$0.key] == nil }
        let rows = unseen.values.reduce(0, +)
        let examples = unseen.keys.sorted().prefix(5).map(\.description).joined(separator: ", ")
        return .share(column.name, .unseenCategories, value: rows / current.total, threshold: thresholds.unseenCategoryShare,
                      detail: unseen.isEmpty ? "every category seen in the reference" : "\(unseen.count) unseen: \(examples)")
    }
}
