import CairnCore
import CairnTracking
import Foundation

/// How metric values map to the `metrics` and `latest_metrics` columns, and which of a batch is each key's latest.
package enum MetricRows {
    /// The bound values of ``Statements/insertMetric`` and ``Statements/upsertLatestMetric``: NaN is stored as
    /// `0` with `is_nan = 1`, so the column stays comparable.
    package static func values(runID: String, _ metric: Metric) -> [SQLValue] {
        let isNaN = metric.value.isNaN
        return [
            .text(runID), .text(metric.key), .real(isNaN ? 0 : metric.value), .integer(isNaN ? 1 : 0), .integer(metric.timestamp),
            .integer(metric.step), .optional(metric.datasetName), .optional(metric.datasetDigest), .optional(metric.modelID),
        ]
    }

    /// The latest value of each key in a batch, sorted by key (a fixed lock order for concurrent writers).
    package static func latestPerKey(_ metrics: [Metric]) -> [Metric] {
        var latest: [String: Metric] = [:]
        for metric in metrics {
            if let current = latest[metric.key], !isLater(metric, than: current) { continue }
            latest[metric.key] = metric
        }
        return latest.values.sorted { $0.key < $1.key }
    }

    /// MLflow's latest-value order: greater step, then greater timestamp, then greater value.
    static func isLater(_ candidate: Metric, than current: Metric) -> Bool {
        let lhs = candidate.value.isNaN ? 0 : candidate.value
        let rhs = current.value.isNaN ? 0 : current.value
        return (candidate.step, candidate.timestamp, lhs) > (current.step, current.timestamp, rhs)
    }
}

/// MLflow's rule that a logged param never changes value.
package enum ParamRule {
    /// - Throws: `invalidArgument` when the stored value differs from the one being logged.
    package static func check(_ param: KeyValue, stored: String?, runID: String) throws {
        guard let stored, stored != param.value else { return }
        throw CairnError.invalid(
            "Changing param values is not allowed. Param with key='\(param.key)' was already logged with value='\(stored)' for run ID='\(runID)'. Attempted logging new value '\(param.value)'.")
    }
}

/// How a dataset input maps to the `run_dataset_inputs` columns.
package enum DatasetRows {
    /// The bound values of ``Statements/insertDatasetInput``; the input's tags are stored as JSON.
    package static func values(runID: String, _ input: DatasetInput) throws -> [SQLValue] {
        let dataset = input.dataset
        let tagsJSON = String(decoding: try JSONEncoder().encode(input.tags), as: UTF8.self)
        let context = input.tags.first { $0.key == "mlflow.data.context" }?.value
        return [
            .text(runID), .text(dataset.name), .text(dataset.digest), .text(dataset.sourceType), .text(dataset.source),
            .optional(dataset.schema), .optional(dataset.profile), .optional(context), .text(tagsJSON),
        ]
    }

    /// The input tags stored as JSON by ``values(runID:_:)``.
    package static func tags(json: String) -> [KeyValue] {
        (try? JSONDecoder().decode([KeyValue].self, from: Data(json.utf8))) ?? []
    }
}

extension SQLValue {
    /// `.text` or `.null`.
    package static func optional(_ text: String?) -> SQLValue { text.map(SQLValue.text) ?? .null }
}
