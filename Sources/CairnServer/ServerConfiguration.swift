import Foundation

/// Settings of `cairn server`, built once from flags and environment at the composition root.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// Path of the SQLite database file.
    public var storePath: String
    /// Directory that holds artifacts.
    public var artifactsPath: String
    /// Largest accepted JSON request body, in bytes (artifact uploads stream and are not limited by it).
    public var maxBodySize: Int

    public init(
        host: String = "127.0.0.1", port: Int = 5000, storePath: String = ".cairn/cairn.db",
        artifactsPath: String = ".cairn/artifacts", maxBodySize: Int = 64 * 1024 * 1024
    ) {
        self.host = host
        self.port = port
        self.storePath = storePath
        self.artifactsPath = artifactsPath
        self.maxBodySize = maxBodySize
    }
}
