import CairnAPI
import CairnCore
import CairnML
import Foundation

/// Everything a training command logs about one run.
struct TrainingRecord {
    let model: TabularModel
    let table: Table
    let dataPath: String
    let validation: Table?
    let validPath: String?
    let modelPath: String
    let algorithm: String
    let assignments: [(String, String)]
    let metrics: [String: Double]
    /// Validation loss per boosting round.
    let history: [(round: Int, loss: Double)]
}

/// Logs a training run through a ``TrackingBackend``: params, metrics, inputs and artifacts, then ends the run
/// (as FAILED if anything after its start fails).
struct RunRecorder {
    let backend: any TrackingBackend

    /// - Returns: the run id.
    func record(_ record: TrainingRecord, experiment: String?, runName: String?) async throws -> String {
        let info = try await backend.startRun(
            experimentName: experiment, runName: runName, tags: [MLflowKeyValue(key: "mlflow.source.name", value: "cairn train")])
        do {
            try await log(record, runID: info.run_id, artifactURI: info.artifact_uri ?? "")
            try await backend.endRun(runID: info.run_id, status: "FINISHED")
        } catch {
            try? await backend.endRun(runID: info.run_id, status: "FAILED")
            throw error
        }
        return info.run_id
    }

    private func log(_ record: TrainingRecord, runID: String, artifactURI: String) async throws {
        let now = SystemClock().nowMillis()
        var params = [
            MLflowKeyValue(key: "model", value: record.algorithm), MLflowKeyValue(key: "target", value: record.model.targetName),
            MLflowKeyValue(key: "task", value: record.model.task.rawValue),
        ]
        params += record.assignments.map { MLflowKeyValue(key: $0.0, value: $0.1) }
        var metrics = record.metrics.sorted { $0.key < $1.key }.map { MLflowMetric(key: $0.key, value: $0.value, timestamp: now, step: 0) }
        metrics += record.history.map { MLflowMetric(key: "valid_loss", value: $0.loss, timestamp: now, step: Int64($0.round)) }
        try await backend.logAll(runID: runID, metrics: metrics, params: params, tags: [])

        let trainingHash = try DatasetDescription.sha256(path: record.dataPath)
        try await backend.logDataset(
            runID: runID, dataset: try DatasetDescription.dataset(path: record.dataPath, table: record.table, sha256: trainingHash),
            context: "training")
        if let validPath = record.validPath, let validation = record.validation {
            let hash = try DatasetDescription.sha256(path: validPath)
            try await backend.logDataset(
                runID: runID, dataset: try DatasetDescription.dataset(path: validPath, table: validation, sha256: hash), context: "validation")
        }

        let modelData = try Data(contentsOf: URL(fileURLWithPath: record.modelPath))
        try await backend.uploadArtifact(artifactURI: artifactURI, name: "model/model.cairn", data: modelData)
        let sample = record.table.selecting(rows: Array(0..<min(record.table.rowCount, 1000)))
        let importance = try Explainer.contributions(record.model, sample)
        let importances = Dictionary(uniqueKeysWithValues: zip(importance.featureNames, importance.meanAbsolute))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try await backend.uploadArtifact(artifactURI: artifactURI, name: "feature_importance.json", data: try encoder.encode(importances))
    }
}
