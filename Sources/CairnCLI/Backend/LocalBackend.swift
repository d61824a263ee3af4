import CairnAPI
import CairnCore
import CairnRegistry
import CairnServer
import CairnStore
import CairnTracking

/// Commands answered straight from the embedded store, with the same rules the server applies.
struct LocalBackend: TrackingBackend {
    let tracking: TrackingService
    let registry: RegistryService

    init(storePath: String) async throws {
        let store = try SQLiteStore(path: storePath)
        tracking = TrackingService(experiments: store, runs: store)
        try await tracking.bootstrap()
        registry = RegistryService(models: store, versions: store, runs: NoRunLookup())
    }

    func searchExperiments(filter: String?, viewType: String, maxResults: Int) async throws -> [MLflowExperiment] {
        let page = try await tracking.searchExperiments(
            filter: filter, orderBy: [], viewType: try Self.view(viewType), maxResults: maxResults, pageToken: nil)
        return page.items.map(MLflowMapping.experiment)
    }

    func createExperiment(name: String, artifactLocation: String?) async throws -> String {
        try await tracking.createExperiment(name: name, artifactLocation: artifactLocation, tags: [])
    }

    func deleteExperiment(id: String) async throws { try await tracking.deleteExperiment(id: id) }

    func experimentID(named name: String) async throws -> String { try await tracking.experiment(named: name).id }

    func searchRuns(experimentIDs: [String], filter: String?, orderBy: [String], viewType: String, maxResults: Int) async throws
        -> [MLflowRun]
    {
        let page = try await tracking.searchRuns(
            experimentIDs: experimentIDs, filter: filter, viewType: try Self.view(viewType), maxResults: maxResults,
            orderBy: orderBy, pageToken: nil)
        return page.items.map(MLflowMapping.run)
    }

    func run(id: String) async throws -> MLflowRun { MLflowMapping.run(try await tracking.run(id: id)) }

    func searchModels(filter: String?, maxResults: Int) async throws -> [MLflowRegisteredModel] {
        try await registry.searchModels(filter: filter, orderBy: [], maxResults: maxResults, pageToken: nil).items
            .map(MLflowMapping.registeredModel)
    }

    func model(named name: String) async throws -> MLflowRegisteredModel {
        MLflowMapping.registeredModel(try await registry.model(named: name))
    }

    func versions(of name: String) async throws -> [MLflowModelVersion] {
        _ = try await registry.model(named: name)
        let filter = "name = '\(name.replacingOccurrences(of: "'", with: "\\'"))'"
        return try await registry.searchVersions(filter: filter, orderBy: [], maxResults: 200_000, pageToken: nil).items
            .map(MLflowMapping.modelVersion)
    }

    func setAlias(name: String, alias: String, version: String) async throws {
        try await registry.setAlias(name: name, alias: alias, version: version)
    }

    func deleteAlias(name: String, alias: String) async throws { try await registry.deleteAlias(name: name, alias: alias) }

    static func view(_ text: String) throws -> ViewType {
        switch text.lowercased() {
        case "active", "active_only": .activeOnly
        case "deleted", "deleted_only": .deletedOnly
        case "all": .all
        default: throw CairnError.invalid("Unknown view '\(text)': use active, deleted or all.")
        }
    }
}

/// The CLI's commands never register versions, so the registry needs no view of runs.
private struct NoRunLookup: RunLookup {
    func runArtifactURI(runID: String) async throws -> String? { nil }
    func loggedModel(id: String) async throws -> (artifactURI: String, sourceRunID: String?)? { nil }
}
