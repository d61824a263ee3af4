import CairnAPI
import CairnServer
import CairnTesting
import CairnTracking
import Foundation
import Hummingbird
import HummingbirdTesting
import Metrics
import Prometheus

/// An in-memory server on a fresh store, for route tests.
enum TestApp {
    /// One registry for the whole test process, since swift-metrics can be bootstrapped only once.
    static let metrics: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    static func run(maxBodySize: Int = 1 << 20, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let store = try await TestStores.store(.sqlite)
        try await TrackingService(experiments: store, runs: store).bootstrap()
        let router = CairnApplication.makeRouter(
            store: store, artifacts: try TestStores.artifacts(), configuration: ServerConfiguration(maxBodySize: maxBodySize),
            metrics: metrics)
        try await Application(router: router).test(.router) { client in try await body(client) }
    }
}

extension TestClientProtocol {
    /// POSTs a JSON text to an MLflow RPC path (relative to `/api/2.0/mlflow`).
    func post(_ path: String, _ json: String, contentType: String = "application/json") async throws -> TestResponse {
        try await execute(
            uri: Routes.mlflow + path, method: .post, headers: [.contentType: contentType], body: ByteBuffer(string: json))
    }

    /// GETs an MLflow RPC path with a query string.
    func get(_ pathAndQuery: String) async throws -> TestResponse {
        try await execute(uri: Routes.mlflow + pathAndQuery, method: .get)
    }

    /// Creates a run in the Default experiment and returns its id.
    func createRun() async throws -> String {
        let response = try await post("/runs/create", #"{"experiment_id": "0", "start_time": 1}"#)
        return try JSONDecoder().decode(MLflowRunResponse.self, from: Data(buffer: response.body)).run.info.run_id
    }
}

extension TestResponse {
    /// The body as a JSON object.
    var json: [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(buffer: body))) as? [String: Any] ?? [:]
    }

    /// The MLflow error code of an error response.
    var errorCode: String? { json["error_code"] as? String }

    /// The error message of an error response.
    var message: String { json["message"] as? String ?? "" }
}
