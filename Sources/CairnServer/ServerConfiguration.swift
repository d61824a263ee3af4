import CairnArtifactsS3
import Foundation

/// Settings of `cairn server`, built once from flags and environment at the composition root.
public struct ServerConfiguration: Sendable {
    public var host: String
    public var port: Int
    /// The metadata store: a SQLite database file (or `sqlite:///path`), or a `postgres://user:password@host:port/db` URL.
    public var storePath: String
    /// Where artifacts live: a directory, or an S3 location such as `s3://bucket/prefix?endpoint=…`.
    public var artifactsPath: String
    /// Credentials for an S3 artifact location (from `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`).
    public var s3Credentials: SigV4.Credentials?
    /// Largest accepted JSON request body, in bytes (artifact uploads stream and are not limited by it).
    public var maxBodySize: Int
    /// Where deployments keep downloaded copies of model files.
    public var modelCacheDirectory: URL
    /// How often deployments check the store and the registry for changes (moved aliases, other replicas' edits).
    public var deploymentRefreshInterval: Duration
    /// How often the server looks for monitors whose scheduled run is due.
    public var monitorInterval: Duration
    /// The key webhook bodies are signed with, or `nil` to send them unsigned.
    public var webhookSecret: String?
    /// Which addresses webhook deliveries may reach (by default no loopback, link-local or private one).
    public var webhookAddresses = WebhookAddressPolicy()
    /// The certificate and key to answer HTTPS with; `nil` serves plain HTTP.
    public var tls: ServerTLS?

    public init(
        host: String = "127.0.0.1", port: Int = 5000, storePath: String = ".cairn/cairn.db",
        artifactsPath: String = ".cairn/artifacts", s3Credentials: SigV4.Credentials? = nil, maxBodySize: Int = 64 * 1024 * 1024,
        modelCacheDirectory: URL = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-models"),
        deploymentRefreshInterval: Duration = .seconds(5), monitorInterval: Duration = .seconds(10), webhookSecret: String? = nil
    ) {
        self.webhookSecret = webhookSecret
        self.monitorInterval = monitorInterval
        self.modelCacheDirectory = modelCacheDirectory
        self.deploymentRefreshInterval = deploymentRefreshInterval
        self.s3Credentials = s3Credentials
        self.host = host
        self.port = port
        self.storePath = storePath
        self.artifactsPath = artifactsPath
        self.maxBodySize = maxBodySize
    }
}
