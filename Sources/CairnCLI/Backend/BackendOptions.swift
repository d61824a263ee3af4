import ArgumentParser
import Foundation

/// Where tracking commands read and write: a server (`--tracking-uri`, `CAIRN_TRACKING_URI`) or the local store.
struct BackendOptions: ParsableArguments {
    @Option(name: .customLong("tracking-uri"), help: "URL of a Cairn or MLflow server (env CAIRN_TRACKING_URI).")
    var trackingURI: String?

    @Option(help: "Local store, used when no tracking URI is set: a SQLite file or a postgres:// URL (env CAIRN_STORE).")
    var store: String?

    @Option(help: "Artifact directory of the local store (env CAIRN_ARTIFACTS).")
    var artifacts: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// The local store used when neither `--store` nor `CAIRN_STORE` names one.
    static let defaultStore = ".cairn/cairn.db"

    /// The backend these options select.
    func backend() async throws -> any TrackingBackend {
        let environment = ProcessInfo.processInfo.environment
        if let uri = trackingURI ?? environment["CAIRN_TRACKING_URI"], !uri.isEmpty {
            guard let url = URL(string: uri), url.scheme == "http" || url.scheme == "https" else {
                throw ValidationError("Invalid tracking URI '\(uri)': expected http://host:port.")
            }
            return RemoteBackend(baseURL: url)
        }
        return try await LocalBackend(
            storePath: store ?? environment["CAIRN_STORE"] ?? Self.defaultStore,
            artifactsPath: artifacts ?? environment["CAIRN_ARTIFACTS"] ?? ".cairn/artifacts")
    }
}
