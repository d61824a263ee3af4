import ArgumentParser
import CairnCore
import CairnServer
import CairnServingGRPC
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `cairn server`: the tracking and registry server, wire-compatible with MLflow's REST API.
struct ServerCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server",
        abstract: "Run the tracking and model registry server (MLflow-compatible REST API).",
        discussion: """
            Everything is kept in ./.cairn/ by default: a SQLite database in WAL mode and an artifact directory.
            With --store postgres://… and --artifacts s3://… any number of replicas share one database and bucket.
            Each option can also be set through its environment variable (CAIRN_HOST, CAIRN_PORT, CAIRN_STORE,
            CAIRN_ARTIFACTS); a flag wins over the environment. SIGTERM or SIGINT drains in-flight requests first.
            With CAIRN_WEBHOOK_SECRET set, monitoring's webhook requests carry X-Cairn-Signature-256: sha256=<hex
            HMAC-SHA256 of the body under that secret> (an environment variable only, so it never shows in ps).
            Webhooks whose host resolves to a loopback, link-local, private, multicast or unspecified address are
            refused unless CAIRN_WEBHOOK_ALLOW_PRIVATE=1, or CAIRN_WEBHOOK_ALLOWED_HOSTS lists the host or its
            network (comma-separated names and CIDRs, e.g. hooks.internal,10.1.0.0/16).
            """)

    @Option(help: "Address to listen on (env CAIRN_HOST).")
    var host: String?

    @Option(help: "Port to listen on (env CAIRN_PORT).")
    var port: Int?

    @Option(help: "Metadata store: a SQLite database file, or postgres://user:password@host:port/db (env CAIRN_STORE).")
    var store: String?

    @Option(help: "Artifact directory, or s3://bucket/prefix[?endpoint=URL&region=R&path_style=true] (env CAIRN_ARTIFACTS).")
    var artifacts: String?

    @OptionGroup var tls: TLSOptions

    @Option(help: "Also serve the deployments over the Open Inference Protocol's gRPC service on this port, on the same address (env CAIRN_GRPC_PORT).")
    var grpcPort: Int?

    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env CAIRN_LOG_LEVEL).")
    var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServerConfiguration()
        configuration.host = host ?? environment["CAIRN_HOST"] ?? configuration.host
        configuration.port = try Self.port(port, environment: environment) ?? configuration.port
        configuration.storePath = store ?? environment["CAIRN_STORE"] ?? configuration.storePath
        configuration.artifactsPath = artifacts ?? environment["CAIRN_ARTIFACTS"] ?? configuration.artifactsPath
        configuration.s3Credentials = ArtifactStores.credentials(from: environment)
        configuration.webhookSecret = environment["CAIRN_WEBHOOK_SECRET"].flatMap { $0.isEmpty ? nil : $0 }
        configuration.webhookAddresses = try Self.webhookAddresses(environment)
        configuration.tls = try tls.resolved(environment)

        let grpcPort = try Self.port(grpcPort, environment: environment, variable: "CAIRN_GRPC_PORT")
        let registry = try Self.bootstrap(logLevel: logLevel ?? environment["CAIRN_LOG_LEVEL"])

        let logger = Logger(label: "cairn.server")
        let app = try await CairnApplication.build(configuration: configuration, metrics: registry, logger: logger) { serving in
            grpcPort.map { port in
                [
                    GRPCInferenceServer(
                        host: configuration.host, port: port, serving: serving, serverVersion: CairnApplication.version,
                        maxMessageSize: configuration.maxBodySize, tls: configuration.tls?.paths)
                ]
            } ?? []
        }
        logger.info(
            "Cairn server starting",
            metadata: [
                "cairn.address": "\(configuration.host):\(configuration.port)", "cairn.store": "\(MetadataStores.redacted(configuration.storePath))",
                "cairn.artifacts": "\(configuration.artifactsPath)", "cairn.grpc_port": "\(grpcPort.map(String.init) ?? "off")",
                "cairn.tls": "\(configuration.tls == nil ? "off" : "on")",
            ])
        try await app.runService()
    }

    /// The webhook address policy from `CAIRN_WEBHOOK_ALLOW_PRIVATE` and `CAIRN_WEBHOOK_ALLOWED_HOSTS`.
    /// - Throws: `ValidationError` for a bad value.
    static func webhookAddresses(_ environment: [String: String]) throws -> WebhookAddressPolicy {
        do {
            return try WebhookAddressPolicy.parse(
                allowPrivate: environment["CAIRN_WEBHOOK_ALLOW_PRIVATE"], allowedHosts: environment["CAIRN_WEBHOOK_ALLOWED_HOSTS"])
        } catch let error as CairnError {
            throw ValidationError(error.message)
        }
    }

    /// The port from the flag or the environment variable (`CAIRN_PORT` unless told), or `nil` when neither is set.
    /// - Throws: `ValidationError` for a value outside 0–65535.
    static func port(_ flag: Int?, environment: [String: String], variable: String = "CAIRN_PORT") throws -> Int? {
        guard let text = flag.map(String.init) ?? environment[variable] else { return nil }
        guard let value = Int(text), (0...65535).contains(value) else {
            throw ValidationError("Invalid port '\(text)': expected a number from 0 to 65535.")
        }
        return value
    }

    /// Bootstraps logging to stderr at `logLevel` (default `info`) and swift-metrics with a Prometheus registry.
    /// - Returns: the registry `/metrics` renders.
    /// - Throws: `ValidationError` for an unknown level.
    static func bootstrap(logLevel: String?) throws -> PrometheusCollectorRegistry {
        let levelText = logLevel ?? "info"
        guard let level = Logger.Level(rawValue: levelText) else { throw ValidationError("Unknown log level '\(levelText)'.") }
        LoggingSystem.bootstrap { label in
            var handler = StreamLogHandler.standardError(label: label)
            handler.logLevel = level
            return handler
        }
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }
}
