import ArgumentParser
import CairnServer
import CairnServing
import CairnServingGRPC
import Foundation
import Hummingbird
import Logging
import Metrics
import Prometheus

/// `cairn serve`: one model served over the Open Inference Protocol (KServe V2) and MLflow's scoring protocol.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve one model over the Open Inference Protocol (/v2) and MLflow scoring (/invocations).",
        discussion: """
            MODEL is a model file or directory, runs:/<run_id>/<path>, models:/<name>/<version>, models:/<name>/<stage>,
            models:/<name>@<alias> or models:/m-<id>, resolved through the local store or --tracking-uri. A model that
            cannot be loaded is served as not ready (health 503) and the reason is logged.

            With --log-predictions every prediction (or --sampling-rate of them) is written, in batches, to the
            prediction log of the store --store or CAIRN_STORE names (a SQLite file or a postgres:// URL, the same
            store a `cairn server` reads), under the served name; labels are posted to
            /api/cairn/deployments/<name>/labels.
            """)

    @OptionGroup var backend: BackendOptions
    @Option(help: "The model: a path or a runs:/ or models:/ URI.") var model: String
    @Option(help: "Address to listen on (env CAIRN_HOST).") var host: String?
    @Option(help: "Port to listen on (env CAIRN_PORT).") var port: Int?
    @OptionGroup var tls: TLSOptions
    @Option(help: "Also serve the Open Inference Protocol over gRPC on this port, on the same address (env CAIRN_GRPC_PORT).")
    var grpcPort: Int?
    @Option(help: "The name clients call the model by (default: the registered model's name or the file's base name).")
    var name: String?
    @Option(help: "Largest accepted request body in bytes.") var maxBodySize = ServeConfiguration().maxBodySize
    @Option(help: "Most rows per predictor call; concurrent requests are batched (1 turns batching off).")
    var maxBatchSize = StandaloneEndpoint.Options().batching.maxBatchSize
    @Option(help: "Longest wait for a batch to fill, in microseconds.")
    var maxQueueDelayMicros = StandaloneEndpoint.Options().batching.maxQueueDelayMicros
    @Option(help: "Most requests waiting for a batch; more get 503 with Retry-After.")
    var maxQueueSize = StandaloneEndpoint.Options().batching.maxQueueSize
    @Option(help: "Longest a prediction may take, in milliseconds, before the caller gets 504.")
    var timeoutMs = StandaloneEndpoint.Options().timeoutMillis
    @Flag(help: "Write predictions to the prediction log of the local store (--store, CAIRN_STORE).") var logPredictions = false
    @Option(help: "Fraction of predictions logged, 0 to 1.") var samplingRate = StandaloneEndpoint.Options().samplingRate
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env CAIRN_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServeConfiguration(maxBodySize: maxBodySize)
        configuration.host = host ?? environment["CAIRN_HOST"] ?? configuration.host
        configuration.port = try ServerCommand.port(port, environment: environment) ?? configuration.port
        configuration.tls = try tls.resolved(environment)
        let registry = try ServerCommand.bootstrap(logLevel: logLevel ?? environment["CAIRN_LOG_LEVEL"])
        let logger = Logger(label: "cairn.serve")

        try await Output.run {
            let uri = try ModelURI(parsing: model)
            let predictionLog = try logPredictions
                ? StandalonePredictionLog.open(backend.store ?? environment["CAIRN_STORE"] ?? BackendOptions.defaultStore, logger: logger) : nil
            let options = StandaloneEndpoint.Options(
                batching: .init(maxBatchSize: maxBatchSize, maxQueueDelayMicros: maxQueueDelayMicros, maxQueueSize: maxQueueSize),
                timeoutMillis: timeoutMs, log: predictionLog?.log, samplingRate: samplingRate)
            try options.validate()
            let endpoint = await StandaloneEndpoint.load(
                uri, name: name, source: try await backend.backend(), loader: RuntimePredictorLoader(), options: options)
            if let problem = await endpoint.status().versions.first?.problem {
                logger.error("Model failed to load", metadata: ["cairn.model": "\(model)", "cairn.error": "\(problem)"])
            }
            let grpcPort = try ServerCommand.port(grpcPort, environment: environment, variable: "CAIRN_GRPC_PORT")
            let grpc = grpcPort.map { port in
                GRPCInferenceServer(
                    host: configuration.host, port: port, serving: ServingService(directory: FixedEndpointDirectory([endpoint])),
                    serverVersion: CairnApplication.version, maxMessageSize: configuration.maxBodySize,
                    tls: configuration.tls?.paths)
            }
            let app = try ServingApplication.build(
                endpoint: endpoint, configuration: configuration, metrics: registry, logger: logger, predictionLog: predictionLog,
                services: grpc.map { [$0] } ?? [])
            logger.info(
                "Cairn serving",
                metadata: [
                    "cairn.address": "\(configuration.host):\(configuration.port)", "cairn.model": "\(model)", "cairn.name": "\(endpoint.name)",
                    "cairn.grpc_port": "\(grpcPort.map(String.init) ?? "off")",
                    "cairn.tls": "\(configuration.tls == nil ? "off" : "on")",
                ])
            try await app.runService()
        }
    }
}
