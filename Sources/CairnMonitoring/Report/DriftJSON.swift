/// A drift report as JSON (what `cairn monitor drift --json` prints and the API returns): `{"columns": {name:
/// {"test", "statistic", "p_value", "threshold", "drifted", …}}, "share_drifted", "dataset_drift", …}`; absent
/// values are written as `null`.
public struct DriftJSON: Encodable, Sendable {
    struct ColumnJSON: Encodable, Sendable {
        let result: ColumnDrift

        enum CodingKeys: String, CodingKey {
            case test, statistic, pValue = "p_value", threshold, drifted, type, skipped, approximate
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(result.method?.rawValue, forKey: .test)
            try container.encode(result.statistic, forKey: .statistic)
            try container.encode(result.pValue, forKey: .pValue)
            try container.encode(result.threshold, forKey: .threshold)
            try container.encode(result.drifted, forKey: .drifted)
            try container.encode(result.type.rawValue, forKey: .type)
            try container.encode(result.skipReason, forKey: .skipped)
            try container.encode(result.approximate, forKey: .approximate)
        }
    }

    let columns: [String: ColumnJSON]
    let shareDrifted: Double
    let datasetDrift: Bool
    let driftedCount: Int
    let driftShare: Double

    enum CodingKeys: String, CodingKey {
        case columns, shareDrifted = "share_drifted", datasetDrift = "dataset_drift", driftedCount = "drifted_count"
        case driftShare = "drift_share"
    }

    public init(_ report: DriftReport) {
        columns = Dictionary(uniqueKeysWithValues: report.columns.map { ($0.column, ColumnJSON(result: $0)) })
        shareDrifted = report.shareDrifted
        datasetDrift = report.datasetDrift
        driftedCount = report.driftedCount
        driftShare = report.driftShare
    }
}
