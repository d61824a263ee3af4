import CairnAPI
import CairnML
import CairnMonitoring
import CairnServer
import CairnServing
import CairnTesting
import CairnTracking
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging

/// The main server in memory with its deployment services running, and a registered model `churn` with
/// version 1 (a classifier), version 2 (the same classifier) and version 3 (a file that is not a model).
enum DeploymentTestApp {
    static func run(_ body: @escaping @Sendable (any TestClientProtocol, ServerServing) async throws -> Void) async throws {
        try await run(webhooks: .init()) { client, serving, _ in try await body(client, serving) }
    }

    /// The same, with monitoring's services running too (webhook retries as `webhooks` says).
    static func run(
        webhooks: WebhookNotifier.Configuration, _ body: @escaping @Sendable (any TestClientProtocol, ServerServing, ServerMonitoring) async throws -> Void
    ) async throws {
        let store = try await TestStores.store(.sqlite)
        try await TrackingService(experiments: store, runs: store).bootstrap()
        let artifacts = try TestStores.artifacts()
        let configuration = ServerConfiguration(deploymentRefreshInterval: .milliseconds(50))
        let serving = CairnApplication.makeServing(store: store, artifacts: artifacts, configuration: configuration)
        // Webhook receivers in tests listen on loopback.
        let monitoring = ServerMonitoring(store: store, webhooks: webhooks, webhookAddresses: WebhookAddressPolicy(allowPrivate: true))
        let router = CairnApplication.makeRouter(
            store: store, artifacts: artifacts, configuration: configuration, metrics: TestApp.metrics, serving: serving, monitoring: monitoring)
        let logger = Logger(label: "test")
        let app = Application(
            router: router,
            services: serving.services(refreshInterval: configuration.deploymentRefreshInterval, logger: logger)
                + monitoring.services(interval: configuration.monitorInterval, logger: logger))
        try await app.test(.router) { client in
            let model = try ModelFixtures.directory(with: try ModelFixtures.classifier())
            let broken = try TestStores.temporaryDirectory().appendingPathComponent("model.cairn")
            try Data("not a model".utf8).write(to: broken)
            _ = try await client.post("/registered-models/create", #"{"name": "churn"}"#)
            for source in [model.path, model.path, broken.path] {
                _ = try await client.post("/model-versions/create", #"{"name": "churn", "source": "\#(source)"}"#)
            }
            try await body(client, serving, monitoring)
        }
    }
}

extension TestClientProtocol {
    /// Sends a JSON body to the deployments API.
    func deployments(_ method: HTTPRequest.Method, _ path: String = "", _ json: String? = nil) async throws -> TestResponse {
        try await execute(
            uri: Routes.deployments + path, method: method, headers: [.contentType: "application/json"],
            body: json.map { ByteBuffer(string: $0) })
    }

    /// Creates a deployment `d` with the given routes (JSON) and extra fields.
    func createDeployment(_ routes: String, _ extra: String = "") async throws -> TestResponse {
        try await deployments(.post, "", #"{"name": "d", "routes": \#(routes)\#(extra)}"#)
    }

    /// Scores one clear row through the deployment's MLflow route and returns the version header.
    func scoreDeployment(headers: HTTPFields = [:]) async throws -> String? {
        var fields = headers
        fields[.contentType] = "application/json"
        let response = try await execute(
            uri: "/deployments/d/invocations", method: .post, headers: fields,
            body: ByteBuffer(string: #"{"instances": [{"x": 9.5, "y": 9, "color": "blue"}]}"#))
        return response.status == .ok ? response.headers[.init("X-Cairn-Model-Version")!] : "HTTP \(response.status.code)"
    }
}
