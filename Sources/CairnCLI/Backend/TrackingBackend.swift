import CairnAPI

/// What the tracking and registry commands need, answered either by the local store or by a server.
///
/// Results are MLflow wire types so both backends print the same output.
protocol TrackingBackend: Sendable {
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
}
