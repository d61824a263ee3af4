import CairnAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The wire details the MLflow client depends on.
struct TrackingRoutesTests {
    @Test func int64FieldsAreNumbersAndRunIDIsEchoedAsRunUUID() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            let info = try #require((try await client.get("/runs/get?run_id=\(runID)").json["run"] as? [String: Any])?["info"] as? [String: Any])
            #expect(info["start_time"] is NSNumber)
            #expect(info["run_uuid"] as? String == runID)
            #expect(runID.count == 32)
            #expect(info["artifact_uri"] as? String == "mlflow-artifacts:/0/\(runID)/artifacts")
        }
    }

    @Test func metricsAcceptNaNAndInfinityStringsAndInt64Strings() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            #expect(try await client.post("/runs/log-metric", #"{"run_id": "\#(runID)", "key": "n", "value": "NaN", "timestamp": "5"}"#).status == .ok)
            #expect(try await client.post("/runs/log-metric", #"{"run_id": "\#(runID)", "key": "i", "value": "Infinity", "timestamp": 5}"#).status == .ok)
            let history = try await client.get("/metrics/get-history?run_id=\(runID)&metric_key=n")
            #expect(String(buffer: history.body).contains(#""value":"NaN""#))
            let infinity = try await client.get("/metrics/get-history?run_id=\(runID)&metric_key=i").json
            #expect(((infinity["metrics"] as? [[String: Any]])?.first?["value"] as? Double) == .greatestFiniteMagnitude)
        }
    }

    @Test func experimentByNameIsNotFoundUntilCreated() async throws {
        try await TestApp.run { client in
            #expect(try await client.get("/experiments/get-by-name?experiment_name=e").errorCode == "RESOURCE_DOES_NOT_EXIST")
            #expect(try await client.post("/experiments/create", #"{"name": "e"}"#).json["experiment_id"] as? String == "1")
            let duplicate = try await client.post("/experiments/create", #"{"name": "e"}"#)
            #expect(duplicate.status == .badRequest)
            #expect(duplicate.errorCode == "RESOURCE_ALREADY_EXISTS")
        }
    }

    @Test func artifactsRoundTripThroughTheProxy() async throws {
        try await TestApp.run { client in
            let upload = try await client.execute(
                uri: Routes.mlflowArtifacts + "/artifacts/0/run/artifacts/dir/a.txt", method: .put, body: ByteBuffer(string: "hello"))
            #expect(upload.status == .ok)
            let download = try await client.execute(uri: Routes.mlflowArtifacts + "/artifacts/0/run/artifacts/dir/a.txt", method: .get)
            #expect(String(buffer: download.body) == "hello")
            #expect(download.headers[.contentType] == "text/plain")
            let listing = try await client.execute(uri: Routes.mlflowArtifacts + "/artifacts?path=0/run/artifacts/dir", method: .get)
            let files = try JSONDecoder().decode(MLflowListArtifactsResponse.self, from: Data(buffer: listing.body)).files ?? []
            #expect(files.map(\.path) == ["a.txt"])
            #expect(files.map(\.file_size) == [5])
            let missing = try await client.execute(uri: Routes.mlflowArtifacts + "/artifacts/0/none.txt", method: .get)
            #expect(missing.status == .notFound)
        }
    }

    @Test func queryStringsDecodePlusAsSpace() async throws {
        try await TestApp.run { client in
            #expect(try await client.post("/registered-models/create", #"{"name": "a b"}"#).status == .ok)
            let found = try await client.get("/registered-models/search?filter=name+%3D+%27a+b%27&max_results=10")
            #expect(found.status == .ok)
            let names = (found.json["registered_models"] as? [[String: Any]])?.compactMap { $0["name"] as? String }
            #expect(names == ["a b"])
        }
    }

    @Test func healthVersionAndMetricsAnswer() async throws {
        try await TestApp.run { client in
            let health = try await client.execute(uri: "/health", method: .get)
            let version = try await client.execute(uri: "/version", method: .get)
            let metrics = try await client.execute(uri: "/metrics", method: .get)
            #expect(String(buffer: health.body) == "OK")
            #expect(version.status == .ok)
            #expect(String(buffer: metrics.body).contains("hb_requests"))
        }
    }
}
