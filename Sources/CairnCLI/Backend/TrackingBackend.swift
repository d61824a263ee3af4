import CairnAPI
import CairnCore
import CairnServing
import Foundation

/// What the tracking and registry commands need, answered either by the local store or by a server.
///
/// Results are MLflow wire types so both backends print the same output. As a ``ModelSource`` it resolves
/// `runs:/` and `models:/` URIs for `cairn predict` and `cairn serve`.
protocol TrackingBackend: ModelSource {
    func searchExperiments(filter: String?, viewType: String, maxResults: Int) async throws -> [MLflowExperiment]
    func createExperiment(name: String, artifactLocation: String?) async throws -> String
    func deleteExperiment(id: String) async throws
    func experimentID(named name: String) async throws -> String
    func searchRuns(experimentIDs: [String], filter: String?, orderBy: [String], viewType: String, maxResults: Int) async throws -> [MLflowRun]
    func run(id: String) async throws -> MLflowRun
    func searchModels(filter: String?, maxResults: Int) async throws -> [MLflowRegisteredModel]
    func model(named name: String) async throws -> MLflowRegisteredModel
    func versions(of name: String) async throws -> [MLflowModelVersion]
    func setAlias(name: String, alias: String, version: String) async throws
    func deleteAlias(name: String, alias: String) async throws

    // Run logging, used by `cairn train`.

    /// Starts a run in the named experiment (created if missing; the Default experiment when `nil`).
    func startRun(experimentName: String?, runName: String?, tags: [MLflowKeyValue]) async throws -> MLflowRunInfo
    /// Logs metrics, params and tags in one request; at most 1000 metrics, 100 params and 100 tags.
    func logBatch(runID: String, metrics: [MLflowMetric], params: [MLflowKeyValue], tags: [MLflowKeyValue]) async throws
    /// Records a dataset the run consumed, with its context such as `training`.
    func logDataset(runID: String, dataset: MLflowDataset, context: String) async throws
    /// Stores a file under the run's artifact location.
    func uploadArtifact(artifactURI: String, name: String, data: Data) async throws
    /// Marks the run ended with a status (`FINISHED` or `FAILED`).
    func endRun(runID: String, status: String) async throws

    // Models, used by `cairn train --register`.

    /// Registers a new version of `name` (creating the model if needed) from a source such as `runs:/<id>/model`.
    func registerModel(name: String, source: String, runID: String) async throws -> MLflowModelVersion
}

extension TrackingBackend {
    /// The id of the named experiment, created if missing; the Default experiment (`0`) when `name` is nil.
    func experimentID(orCreating name: String?) async throws -> String {
        guard let name else { return "0" }
        do {
            return try await experimentID(named: name)
        } catch let error as CairnError where error.code == .notFound {
            return try await createExperiment(name: name, artifactLocation: nil)
        }
    }

    /// Logs any number of metrics, params and tags, split into batches within MLflow's limits.
    func logAll(runID: String, metrics: [MLflowMetric], params: [MLflowKeyValue], tags: [MLflowKeyValue]) async throws {
        for start in stride(from: 0, to: params.count, by: 100) {
            try await logBatch(runID: runID, metrics: [], params: Array(params[start..<min(start + 100, params.count)]), tags: [])
        }
        for start in stride(from: 0, to: tags.count, by: 100) {
            try await logBatch(runID: runID, metrics: [], params: [], tags: Array(tags[start..<min(start + 100, tags.count)]))
        }
        for start in stride(from: 0, to: metrics.count, by: 1000) {
            try await logBatch(runID: runID, metrics: Array(metrics[start..<min(start + 1000, metrics.count)]), params: [], tags: [])
        }
    }
}
