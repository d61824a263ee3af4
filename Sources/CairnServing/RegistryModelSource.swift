import CairnArtifacts
import CairnCore
import CairnRegistry
import Foundation

/// A ``ModelSource`` backed by the registry service, the registry's run lookup and an artifact store: what the
/// server and the command line's local store use. Models in a local directory store are read in place; from other
/// stores (S3) they are copied into a cache folder.
public struct RegistryModelSource: ModelSource {
    let registry: RegistryService
    let runs: any RunLookup
    let artifacts: any ArtifactStore
    let cacheDirectory: URL

    /// - Parameter cacheDirectory: where downloaded copies go (one new subfolder per copy).
    public init(registry: RegistryService, runs: any RunLookup, artifacts: any ArtifactStore, cacheDirectory: URL) {
        self.registry = registry
        self.runs = runs
        self.artifacts = artifacts
        self.cacheDirectory = cacheDirectory
    }

    public func runArtifactLocation(runID: String) async throws -> String {
        guard let location = try await runs.runArtifactURI(runID: runID) else {
            throw CairnError.notFound("Run with id=\(runID) not found")
        }
        return location
    }

    public func loggedModelLocation(id: String) async throws -> String {
        guard let model = try await runs.loggedModel(id: id) else { throw CairnError.notFound("Logged model with id=\(id) not found") }
        return model.artifactURI
    }

    public func registeredVersion(name: String, selector: ModelSelector) async throws -> RegisteredLocation {
        let version: ModelVersion
        switch selector {
        case .version(let number): version = try await registry.version(name: name, version: number)
        case .alias(let alias): version = try await registry.version(name: name, alias: alias)
        case .stage(let stage):
            guard let latest = try await registry.latestVersions(name: name, stages: [stage]).first else {
                throw CairnError.notFound("Registered model '\(name)' has no version in stage \(stage)")
            }
            version = latest
        }
        return RegisteredLocation(version: String(version.version), location: version.storageLocation)
    }

    public func localCopy(of location: String) async throws -> URL {
        if location.hasPrefix("file://") { return URL(fileURLWithPath: String(location.dropFirst("file://".count))) }
        if location.hasPrefix("/") { return URL(fileURLWithPath: location) }
        guard let path = try ArtifactPath.proxied(location) else {
            throw CairnError.invalid("Cannot read artifacts at '\(location)': expected an mlflow-artifacts: location or a local path")
        }
        if let local = artifacts as? LocalArtifactStore {
            // Files of a local directory store are read where they are.
            return path.segments.reduce(local.root) { $0.appendingPathComponent($1) }
        }
        let target = cacheDirectory.appendingPathComponent("model-\(UUID().uuidString)").appendingPathComponent(path.name)
        try await download(path, to: target)
        return target
    }

    /// Copies a file or a directory tree out of the artifact store.
    private func download(_ path: ArtifactPath, to target: URL) async throws {
        let files = FileManager.default
        if let entries = try await artifacts.list(path) {
            try files.createDirectory(at: target, withIntermediateDirectories: true)
            for entry in entries {
                try await download(path.appending(try ArtifactPath(entry.path)), to: target.appendingPathComponent(entry.path))
            }
            return
        }
        let download = try await artifacts.read(path)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(download.size))
        for try await chunk in download.chunks { bytes += chunk }
        try files.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: target, options: .atomic)
    }
}
