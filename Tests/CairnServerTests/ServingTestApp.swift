import CairnCore
import CairnML
import CairnServer
import CairnServing
import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting

/// `cairn serve`'s routes in memory, serving a model trained in the test.
enum ServingTestApp {
    static func run(
        model: TabularModel? = nil, name: String = "churn", maxBodySize: Int = 1 << 20,
        _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let directory = try ModelFixtures.directory(with: try model ?? ModelFixtures.classifier())
        try await run(endpoint: await load(directory.path, name: name), maxBodySize: maxBodySize, body)
    }

    static func run(
        endpoint: StandaloneEndpoint, maxBodySize: Int = 1 << 20, _ body: @escaping @Sendable (any TestClientProtocol) async throws -> Void
    ) async throws {
        let router = ServingApplication.makeRouter(
            endpoint: endpoint, configuration: ServeConfiguration(maxBodySize: maxBodySize), metrics: TestApp.metrics)
        try await Application(router: router).test(.router) { client in try await body(client) }
    }

    /// The endpoint serving the model at `path`. swift-metrics is bootstrapped first, so the endpoint's counters
    /// land in the registry `/metrics` reads whichever test runs first.
    static func load(_ path: String, name: String, options: StandaloneEndpoint.Options = .init()) async -> StandaloneEndpoint {
        _ = TestApp.metrics
        return await StandaloneEndpoint.load(
            .path(path), name: name, source: try unusedSource(), loader: RuntimePredictorLoader(), options: options)
    }

    /// A path needs no model source.
    private static func unusedSource() throws -> any ModelSource { throw CairnError.invalid("no model source in this test") }
}

extension TestClientProtocol {
    /// POSTs a body with a content type to a path.
    func send(_ path: String, _ body: String, contentType: String? = "application/json") async throws -> TestResponse {
        var headers: HTTPFields = [:]
        if let contentType { headers[.contentType] = contentType }
        return try await execute(uri: path, method: .post, headers: headers, body: ByteBuffer(string: body))
    }
}

extension ServingTestApp {
    /// An endpoint whose model file is not a model.
    static func broken() async -> StandaloneEndpoint {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("broken-\(UUID().uuidString).cairn")
        try? Data("not a model".utf8).write(to: file)
        return await load(file.path, name: "broken")
    }
}
