import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Dynamic batching, the bounded queue and per-request timeouts of a deployment.
struct DeploymentBatchingTests {
    static let route = #"[{"model": "models:/churn/1", "weight": 1}]"#

    /// One answer: its status code, and its body (200) or its Retry-After header (otherwise).
    struct Answer: Sendable {
        var code: Int
        var detail: String?
    }

    /// Scores `count` requests at once.
    static func concurrent(_ client: any TestClientProtocol, _ count: Int) async throws -> [Answer] {
        try await withThrowingTaskGroup(of: Answer.self) { group in
            for _ in 0..<count {
                group.addTask {
                    let response = try await client.execute(
                        uri: "/deployments/d/invocations", method: .post, headers: [.contentType: "application/json"],
                        body: ByteBuffer(string: #"{"instances": [{"x": 9.5, "y": 9, "color": "blue"}, {"x": 0.1, "y": 0.2, "color": "blue"}]}"#))
                    let code = response.status.code
                    return Answer(code: code, detail: code == 200 ? String(buffer: response.body) : response.headers[.retryAfter])
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
    }

    @Test func concurrentRequestsAreBatchedAndEachGetsItsOwnRows() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(Self.route, #", "batching": {"max_batch_size": 8, "max_queue_delay_micros": 5000}"#)
            let answers = try await Self.concurrent(client, 24)
            #expect(answers.allSatisfy { $0.code == 200 && $0.detail == #"{"predictions":[1,0]}"# })
            let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
            #expect(metrics.contains(#"cairn_serving_batch_size_count{deployment="d",version="1"}"#))
        }
    }

    @Test func aFullQueueAnswers503WithRetryAfter() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(
                Self.route, #", "batching": {"max_batch_size": 2, "max_queue_delay_micros": 200000, "max_queue_size": 1}"#)
            let answers = try await Self.concurrent(client, 12)
            #expect(answers.contains { $0.code == 200 })
            var rejected = 0
            for answer in answers where answer.code == 503 {
                rejected += 1
                #expect(answer.detail == "1")
            }
            #expect(rejected > 0)
        }
    }

    /// Whether a request beats a 1 ms timeout depends on the machine; each gets a prediction or 504, never another
    /// error, and the deployment answers normally once its timeout is raised. (A prediction that certainly overruns
    /// its timeout is in StandaloneOptionsTests: the same batcher.)
    @Test func requestsPastTheirTimeoutGet504AndTheDeploymentRecovers() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(
                Self.route, #", "timeout_ms": 1, "batching": {"max_batch_size": 2, "max_queue_delay_micros": 0}"#)
            let answers = try await Self.concurrent(client, 40)
            #expect(answers.allSatisfy { $0.code == 200 || $0.code == 504 })
            #expect(try await client.deployments(.patch, "/d", #"{"timeout_ms": 10000}"#).status == .ok)
            #expect(try await Self.concurrent(client, 4).allSatisfy { $0.code == 200 })
        }
    }
}
