import Foundation

/// A model URI resolved to files on this machine.
public struct ResolvedModel: Sendable, Equatable {
    /// The model file or directory.
    public var url: URL
    /// The registered version the URI named at resolution time (`nil` for paths, runs and logged models).
    public var version: String?

    public init(url: URL, version: String?) {
        self.url = url
        self.version = version
    }
}

extension ModelURI {
    /// The local files of the model this URI names now, fetched through `source` (not needed for a path).
    /// - Throws: as the ``ModelSource`` requirements.
    public func resolve(with source: @autoclosure () async throws -> any ModelSource) async throws -> ResolvedModel {
        switch self {
        case .path(let path):
            return ResolvedModel(url: URL(fileURLWithPath: path), version: nil)
        case .run(let id, let path):
            let models = try await source()
            let root = try await models.runArtifactLocation(runID: id)
            return ResolvedModel(url: try await models.localCopy(of: path.isEmpty ? root : "\(root)/\(path)"), version: nil)
        case .loggedModel(let id):
            let models = try await source()
            return ResolvedModel(url: try await models.localCopy(of: try await models.loggedModelLocation(id: id)), version: nil)
        case .registered(let name, let selector):
            let models = try await source()
            let registered = try await models.registeredVersion(name: name, selector: selector)
            return ResolvedModel(url: try await models.localCopy(of: registered.location), version: registered.version)
        }
    }
}
