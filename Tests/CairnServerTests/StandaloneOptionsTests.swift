import CairnAPI
import CairnCore
import CairnML
import CairnServer
import CairnServing
import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `cairn serve`'s batching, timeouts and prediction log.
struct StandaloneOptionsTests {
    static let infer = "/v2/models/churn/infer"
    static let twoRows = """
        {"inputs": [{"name": "x", "shape": [2], "datatype": "FP64", "data": [9.5, 0.1]},
          {"name": "y", "shape": [2], "datatype": "FP64", "data": [9.0, 0.2]},
          {"name": "color", "shape": [2], "datatype": "BYTES", "data": ["blue", "blue"]}]}
        """

    static let numericRows = """
        {"inputs": [{"name": "x", "shape": [2], "datatype": "FP64", "data": [9.5, 0.1]},
          {"name": "y", "shape": [2], "datatype": "FP64", "data": [9.0, 0.2]}]}
        """

    /// A real model (of `x` and `y`) whose every call takes `delay` longer, to see what a slow prediction does to
    /// its caller.
    struct SlowPredictor: Predictor {
        let base: any Predictor
        let delay: TimeInterval
        var task: LearningTask { base.task }
        var featureNames: [String] { base.featureNames }
        var classes: [String] { base.classes }

        func predict(_ table: Table) throws -> Table {
            Thread.sleep(forTimeInterval: delay)
            return try base.predict(table)
        }
    }

    static func slowEndpoint(delay: TimeInterval, options: StandaloneEndpoint.Options) throws -> StandaloneEndpoint {
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 5
        let base = try Trainer.train(
            try ModelFixtures.table().dropping(["amount", "color"]), target: "label", algorithm: .gradientBoosting(parameters))
        let predictor = SlowPredictor(base: base, delay: delay)
        let model = ServedModel(name: "churn", version: "1", loaded: LoadedPredictor(predictor: predictor, platform: "cairn_native"))
        _ = TestApp.metrics  // before the endpoint makes its counters (see ServingTestApp.load)
        return StandaloneEndpoint(name: "churn", version: "1", model: .success(model), options: options)
    }

    /// The test classifier served with `options`.
    static func endpoint(options: StandaloneEndpoint.Options) async throws -> StandaloneEndpoint {
        let directory = try ModelFixtures.directory(with: try ModelFixtures.classifier())
        return await ServingTestApp.load(directory.path, name: "churn", options: options)
    }

    @Test func aPredictionPastTheTimeoutGets504AndTheServerKeepsAnswering() async throws {
        let endpoint = try Self.slowEndpoint(delay: 0.5, options: .init(timeoutMillis: 50))
        try await ServingTestApp.run(endpoint: endpoint) { client in
            let response = try await client.send(Self.infer, Self.numericRows)
            #expect(response.status == .gatewayTimeout)
            #expect((response.json["error"] as? String ?? "").contains("timeout"))
            let metadata = try await client.execute(uri: "/v2/models/churn/ready", method: .get)
            #expect(metadata.status == .ok)
        }
    }

    @Test func theRequestsTimeoutParameterShortensTheEndpointsTimeout() async throws {
        let endpoint = try Self.slowEndpoint(delay: 0.3, options: .init())
        try await ServingTestApp.run(endpoint: endpoint) { client in
            let withTimeout = Self.numericRows.replacingOccurrences(of: #"{"inputs""#, with: #"{"parameters": {"timeout": 20000}, "inputs""#)
            #expect(try await client.send(Self.infer, withTimeout).status == .gatewayTimeout)
            #expect(try await client.send(Self.infer, Self.numericRows).status == .ok)
            let negative = Self.numericRows.replacingOccurrences(of: #"{"inputs""#, with: #"{"parameters": {"timeout": -1}, "inputs""#)
            let rejected = try await client.send(Self.infer, negative)
            #expect(rejected.status == .badRequest)
            #expect((rejected.json["error"] as? String ?? "").contains("parameters.timeout"))
        }
    }

    @Test func concurrentRequestsAreBatched() async throws {
        let endpoint = try await Self.endpoint(options: .init(batching: .init(maxBatchSize: 8, maxQueueDelayMicros: 5000)))
        try await ServingTestApp.run(endpoint: endpoint) { client in
            let answers = try await withThrowingTaskGroup(of: [String]?.self) { group in
                for _ in 0..<16 {
                    group.addTask {
                        let outputs = try await client.send(Self.infer, Self.twoRows).json["outputs"] as? [[String: Any]]
                        return outputs?.first { $0["name"] as? String == "label" }?["data"] as? [String]
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(answers.allSatisfy { $0 == ["1", "0"] })
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"cairn_serving_batch_size_count{deployment="churn",version="1"}"#))
        }
    }

    @Test func invalidSettingsAreRefusedByName() throws {
        #expect(throws: CairnError.self) { try StandaloneEndpoint.Options(batching: .init(maxBatchSize: 0)).validate() }
        #expect(throws: CairnError.self) { try StandaloneEndpoint.Options(timeoutMillis: 0).validate() }
        #expect(throws: CairnError.self) { try StandaloneEndpoint.Options(samplingRate: .nan).validate() }
        try StandaloneEndpoint.Options().validate()
    }

    @Test func predictionsAreLoggedUnderTheServedNameAndTakeLabels() async throws {
        let path = try TestStores.temporaryDirectory().appendingPathComponent("serve.db").path
        let predictionLog = try StandalonePredictionLog.open(path, logger: .init(label: "test"))
        let endpoint = try await Self.endpoint(options: .init(log: predictionLog.log))
        let router = ServingApplication.makeRouter(
            endpoint: endpoint, configuration: ServeConfiguration(), metrics: TestApp.metrics, predictionLog: predictionLog)
        try await Application(router: router).test(.router) { client in
            let request = Self.twoRows.replacingOccurrences(of: #"{"inputs""#, with: #"{"id": "req-7", "inputs""#)
            #expect(try await client.send(Self.infer, request).status == .ok)
            try await predictionLog.log.flush()
            let logged = try await client.execute(uri: Routes.deployments + "/churn/predictions?limit=10", method: .get).json
            let records = logged["predictions"] as? [[String: Any]] ?? []
            #expect(records.map { $0["request_id"] as? String } == ["req-7"])
            let labels = try await client.send(
                Routes.deployments + "/churn/labels", #"{"labels": [{"request_id": "req-7", "label": 1}, {"request_id": "nope", "label": 0}]}"#)
            #expect(labels.status == .ok)
            #expect(labels.json["unknown_request_ids"] as? [String] == ["nope"])
        }
    }
}
