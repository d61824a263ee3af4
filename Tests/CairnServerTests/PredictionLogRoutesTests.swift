import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The prediction log of a deployment and ground-truth labels.
struct PredictionLogRoutesTests {
    /// The logged predictions of deployment `d`, waiting for the flush that writes them.
    static func logged(_ client: any TestClientProtocol, count: Int) async throws -> [[String: Any]] {
        var predictions: [[String: Any]] = []
        for _ in 0..<400 {
            predictions = try await client.deployments(.get, "/d/predictions?limit=100").json["predictions"] as? [[String: Any]] ?? []
            if predictions.count >= count { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        return predictions
    }

    @Test func everyPredictionIsLoggedAndLabelsAttachByRequestID() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
            var ids: [String] = []
            for index in 0..<5 {
                let response = try await client.execute(
                    uri: "/deployments/d/invocations", method: .post,
                    headers: [.contentType: "application/json", .init("X-Request-Id")!: "req-\(index)"],
                    body: ByteBuffer(string: #"{"instances": [{"x": 9.5, "y": 9, "color": "blue"}]}"#))
                ids.append(try #require(response.headers[.init("X-Request-Id")!]))
            }
            #expect(ids == (0..<5).map { "req-\($0)" })
            let predictions = try await Self.logged(client, count: 5)
            #expect(Set(predictions.compactMap { $0["request_id"] as? String }) == Set(ids))
            let first = try #require(predictions.first)
            #expect(first["version"] as? String == "1")
            #expect((first["inputs"] as? [String: Any])?["color"] as? [String] == ["blue"])
            #expect((first["outputs"] as? [String: Any])?["label"] as? [String] == ["1"])

            let labels = try await client.deployments(
                .post, "/d/labels", #"{"labels": [{"request_id": "req-0", "label": 1}, {"request_id": "nope", "label": 0}]}"#)
            #expect(labels.status == .ok)
            #expect(labels.json["unknown_request_ids"] as? [String] == ["nope"])
            #expect(try await client.deployments(.post, "/d/labels", #"{"labels": []}"#).status == .badRequest)
        }
    }

    @Test func aSamplingRateOfZeroLogsNothing() async throws {
        try await DeploymentTestApp.run { client, serving in
            _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#, #", "sampling_rate": 0"#)
            for _ in 0..<5 { _ = try await client.scoreDeployment() }
            try await serving.log.flush()
            #expect(try await Self.logged(client, count: 0).isEmpty)
        }
    }
}
