import ArgumentParser
import CairnServer
import CairnServing
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
            """)

    @OptionGroup var backend: BackendOptions
    @Option(help: "The model: a path or a runs:/ or models:/ URI.") var model: String
    @Option(help: "Address to listen on (env CAIRN_HOST).") var host: String?
    @Option(help: "Port to listen on (env CAIRN_PORT).") var port: Int?
    @Option(help: "The name clients call the model by (default: the registered model's name or the file's base name).")
    var name: String?
    @Option(help: "Largest accepted request body in bytes.") var maxBodySize = ServeConfiguration().maxBodySize
    @Option(help: "Log level: trace, debug, info, notice, warning, error, critical (env CAIRN_LOG_LEVEL).") var logLevel: String?

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var configuration = ServeConfiguration(maxBodySize: maxBodySize)
        configuration.host = host ?? environment["CAIRN_HOST"] ?? configuration.host
        configuration.port = try ServerCommand.port(port, environment: environment) ?? configuration.port
        let registry = try ServerCommand.bootstrap(logLevel: logLevel ?? environment["CAIRN_LOG_LEVEL"])
        let logger = Logger(label: "cairn.serve")

        try await Output.run {
            let uri = try ModelURI(parsing: model)
            let endpoint = await StandaloneEndpoint.load(uri, name: name, source: try await backend.backend(), loader: NativePredictorLoader())
            if let problem = await endpoint.status().versions.first?.problem {
                logger.error("Model failed to load", metadata: ["cairn.model": "\(model)", "cairn.error": "\(problem)"])
            }
            let app = ServingApplication.build(endpoint: endpoint, configuration: configuration, metrics: registry, logger: logger)
            logger.info(
                "Cairn serving",
                metadata: ["cairn.address": "\(configuration.host):\(configuration.port)", "cairn.model": "\(model)", "cairn.name": "\(endpoint.name)"])
            try await app.runService()
        }
    }
}
