import CairnAPI
import CairnArtifacts
import CairnCore
import Foundation
import CairnRegistry
import CairnServer
import CairnServing
import CairnStore
import CairnTracking
import Logging

/// Commands answered straight from the embedded store, with the same rules the server applies.
struct LocalBackend: TrackingBackend {
    let tracking: TrackingService
    let registry: RegistryService
    let artifacts: LocalArtifactStore
    /// Resolves model URIs through the same services.
    let models: RegistryModelSource
    /// The store behind the services.
    let store: any MetadataStore

    /// - Parameter storePath: a SQLite file, `sqlite:///path` or a `postgres://` URL.
    init(storePath: String, artifactsPath: String = ".cairn/artifacts") async throws {
        var logger = Logger(label: "cairn.cli")
        logger.logLevel = .warning  // the pool's reconnection notes are not the command's output
        let opened = try MetadataStores.open(storePath, logger: logger)
        // The CLI is a composition root: a PostgreSQL pool runs until the command exits.
        if let pool = opened.pool { Task { try await pool.run() } }
        try await opened.migrate()
        store = opened.store
        artifacts = try LocalArtifactStore(root: URL(fileURLWithPath: artifactsPath))
        tracking = TrackingService(experiments: store, runs: store)
        try await tracking.bootstrap()
        let runs = TrackingRunLookup(tracking: tracking, loggedModels: LoggedModelService(models: store, experiments: store))
        registry = RegistryService(models: store, versions: store, runs: runs)
        models = RegistryModelSource(
            registry: registry, runs: runs, artifacts: artifacts,
            cacheDirectory: FileManager.default.temporaryDirectory.appendingPathComponent("cairn-models"))
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

    func startRun(experimentName: String?, runName: String?, tags: [MLflowKeyValue]) async throws -> MLflowRunInfo {
        let experimentID = try await experimentID(orCreating: experimentName)
        let run = try await tracking.createRun(
            experimentID: experimentID, userID: ProcessInfo.processInfo.environment["USER"], runName: runName, startTime: nil,
            tags: tags.map { KeyValue(key: $0.key, value: $0.value ?? "") })
        return MLflowMapping.runInfo(run.info)
    }

    func logBatch(runID: String, metrics: [MLflowMetric], params: [MLflowKeyValue], tags: [MLflowKeyValue]) async throws {
        try await tracking.logBatch(
            runID: runID,
            metrics: metrics.map { Metric(key: $0.key, value: $0.value, timestamp: $0.timestamp, step: $0.step) },
            params: params.map { KeyValue(key: $0.key, value: $0.value ?? "") },
            tags: tags.map { KeyValue(key: $0.key, value: $0.value ?? "") })
    }

    func logDataset(runID: String, dataset: MLflowDataset, context: String) async throws {
        let input = DatasetInput(
            dataset: Dataset(
                name: dataset.name, digest: dataset.digest, sourceType: dataset.source_type, source: dataset.source,
                schema: dataset.schema, profile: dataset.profile),
            tags: [KeyValue(key: "mlflow.data.context", value: context)])
        try await tracking.logInputs(runID: runID, datasets: [input], modelIDs: [])
    }

    func uploadArtifact(artifactURI: String, name: String, data: Data) async throws {
        guard let base = try ArtifactPath.proxied(artifactURI) else {
            throw CairnError.invalid("Cannot store artifacts at '\(artifactURI)': only mlflow-artifacts: locations are local")
        }
        let chunks = AsyncStream<[UInt8]> { continuation in
            continuation.yield([UInt8](data))
            continuation.finish()
        }
        try await artifacts.write(base.appending(try ArtifactPath(name)), chunks: chunks)
    }

    func endRun(runID: String, status: String) async throws {
        _ = try await tracking.updateRun(
            id: runID, status: RunStatus(rawValue: status) ?? .finished, endTime: SystemClock().nowMillis(), runName: nil)
    }

    func registerModel(name: String, source: String, runID: String) async throws -> MLflowModelVersion {
        do {
            _ = try await registry.createModel(name: name, description: nil, tags: [])
        } catch let error as CairnError where error.code == .alreadyExists {}
        let version = try await registry.createVersion(
            name: name, source: source, runID: runID, modelID: nil, description: nil, runLink: nil, tags: [])
        return MLflowMapping.modelVersion(version)
    }

    func runArtifactLocation(runID: String) async throws -> String { try await models.runArtifactLocation(runID: runID) }

    func loggedModelLocation(id: String) async throws -> String { try await models.loggedModelLocation(id: id) }

    func registeredVersion(name: String, selector: ModelSelector) async throws -> RegisteredLocation {
        try await models.registeredVersion(name: name, selector: selector)
    }

    func localCopy(of location: String) async throws -> URL { try await models.localCopy(of: location) }

    static func view(_ text: String) throws -> ViewType {
        switch text.lowercased() {
        case "active", "active_only": .activeOnly
        case "deleted", "deleted_only": .deletedOnly
        case "all": .all
        default: throw CairnError.invalid("Unknown view '\(text)': use active, deleted or all.")
        }
    }
}
