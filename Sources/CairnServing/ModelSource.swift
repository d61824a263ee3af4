import Foundation

/// Where the files behind a ``ModelURI`` live: the registry, the tracking store and the artifact store, seen from
/// serving. The server backs it with its services, the command line with its local store or a remote server.
public protocol ModelSource: Sendable {
    /// The artifact location of a run.
    /// - Throws: `notFound` when there is no such run.
    func runArtifactLocation(runID: String) async throws -> String

    /// The artifact location of a logged model (`m-…`).
    /// - Throws: `notFound` when there is no such logged model.
    func loggedModelLocation(id: String) async throws -> String

    /// The version a selector names now, and its storage location. Asking again may give a newer version (an alias
    /// or a stage moves).
    /// - Throws: `notFound` for an unknown model, version or an empty stage; `invalidArgument` for an unknown alias.
    func registeredVersion(name: String, selector: ModelSelector) async throws -> RegisteredLocation

    /// A local file or directory holding what is stored at an artifact location, downloaded if remote. Each call
    /// may make a new copy; the caller does not delete it.
    /// - Throws: `notFound` when nothing is stored there; `invalidArgument` for a location this source cannot read.
    func localCopy(of location: String) async throws -> URL
}

/// A registered model version and where its files are stored.
public struct RegisteredLocation: Sendable, Equatable {
    /// The version number.
    public var version: String
    /// The artifact location of the version's files.
    public var location: String

    public init(version: String, location: String) {
        self.version = version
        self.location = location
    }
}
