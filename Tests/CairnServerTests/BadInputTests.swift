import CairnAPI
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Every kind of bad input gets MLflow's 4xx and error code, writes nothing, and leaves the server serving.
struct BadInputTests {
    @Test func malformedJSONIsRejected() async throws {
        try await TestApp.run { client in
            let response = try await client.post("/experiments/create", #"{"name": "x""#)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "INVALID_PARAMETER_VALUE")
            #expect(try await client.get("/experiments/get-by-name?experiment_name=x").status == .notFound)
        }
    }

    @Test func aPostWithoutJSONContentTypeIsRejected() async throws {
        try await TestApp.run { client in
            let response = try await client.post("/experiments/create", #"{"name": "x"}"#, contentType: "text/plain")
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "INVALID_PARAMETER_VALUE")
        }
    }

    @Test func aWrongTypeNamesTheFieldAndTheValue() async throws {
        try await TestApp.run { client in
            let response = try await client.post("/experiments/create", #"{"name": 123}"#)
            #expect(response.status == .badRequest)
            #expect(response.message.hasPrefix("Invalid value 123 for parameter 'name' supplied"))
        }
    }

    @Test func negativeMetricTimestampsAreRejected() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            let response = try await client.post("/runs/log-metric", #"{"run_id": "\#(runID)", "key": "m", "value": 1, "timestamp": -1}"#)
            #expect(response.status == .badRequest)
            #expect(response.message.contains("'timestamp'"))
        }
    }

    @Test func aMissingRequiredFieldIsNamed() async throws {
        try await TestApp.run { client in
            let response = try await client.post("/runs/log-metric", #"{"key": "m", "value": 1, "timestamp": 1}"#)
            #expect(response.status == .badRequest)
            #expect(response.message.hasPrefix("Missing value for required parameter 'run_id'"))
        }
    }

    @Test func unknownIdsAreNotFound() async throws {
        try await TestApp.run { client in
            let run = try await client.get("/runs/get?run_id=0123456789abcdef0123456789abcdef")
            #expect(run.status == .notFound)
            #expect(run.errorCode == "RESOURCE_DOES_NOT_EXIST")
            #expect(try await client.get("/experiments/get?experiment_id=999").errorCode == "RESOURCE_DOES_NOT_EXIST")
            #expect(try await client.get("/experiments/get?experiment_id=abc").status == .badRequest)
            #expect(try await client.get("/registered-models/get?name=nope").status == .notFound)
        }
    }

    @Test func overlongKeysAreRejectedAndNothingIsWritten() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            let key = String(repeating: "k", count: 251)
            let response = try await client.post(
                "/runs/log-batch", #"{"run_id": "\#(runID)", "params": [{"key": "\#(key)", "value": "v"}], "metrics": [{"key": "ok", "value": 1, "timestamp": 1}]}"#)
            #expect(response.status == .badRequest)
            let run = try await client.get("/runs/get?run_id=\(runID)").json
            let data = (run["run"] as? [String: Any])?["data"] as? [String: Any]
            #expect(data?["metrics"] as? [Any] == nil || (data?["metrics"] as? [Any])?.isEmpty == true)
        }
    }

    @Test func changingALoggedParamIsRejected() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            #expect(try await client.post("/runs/log-parameter", #"{"run_id": "\#(runID)", "key": "p", "value": "1"}"#).status == .ok)
            #expect(try await client.post("/runs/log-parameter", #"{"run_id": "\#(runID)", "key": "p", "value": "1"}"#).status == .ok)
            let changed = try await client.post("/runs/log-parameter", #"{"run_id": "\#(runID)", "key": "p", "value": "2"}"#)
            #expect(changed.status == .badRequest)
            #expect(changed.message.hasPrefix("Changing param values is not allowed"))
        }
    }

    @Test func loggingToADeletedRunIsRejected() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            #expect(try await client.post("/runs/delete", #"{"run_id": "\#(runID)"}"#).status == .ok)
            let response = try await client.post("/runs/log-metric", #"{"run_id": "\#(runID)", "key": "m", "value": 1, "timestamp": 1}"#)
            #expect(response.status == .badRequest)
            #expect(response.message.contains("must be in the 'active' state"))
        }
    }

    @Test func invalidFiltersAndPageTokensAreRejected() async throws {
        try await TestApp.run { client in
            let filter = try await client.post("/runs/search", #"{"experiment_ids": ["0"], "filter": "metrics.a > 1 OR metrics.b < 2"}"#)
            #expect(filter.status == .badRequest)
            #expect(filter.errorCode == "INVALID_PARAMETER_VALUE")
            let token = try await client.post("/runs/search", #"{"experiment_ids": ["0"], "page_token": "garbage!"}"#)
            #expect(token.status == .badRequest)
            #expect(token.message.contains("Invalid page token"))
        }
    }

    @Test func batchesOverTheLimitsAreRejected() async throws {
        try await TestApp.run { client in
            let runID = try await client.createRun()
            let metrics = (0...1000).map { #"{"key": "m", "value": \#($0), "timestamp": 1, "step": \#($0)}"# }.joined(separator: ",")
            let response = try await client.post("/runs/log-batch", #"{"run_id": "\#(runID)", "metrics": [\#(metrics)]}"#)
            #expect(response.status == .badRequest)
            #expect(response.message.hasPrefix("A batch logging request can contain at most 1000 metrics"))
        }
    }

    @Test func bodiesOverTheLimitGet413() async throws {
        try await TestApp.run(maxBodySize: 1024) { client in
            let response = try await client.post("/experiments/create", #"{"name": "\#(String(repeating: "x", count: 4096))"}"#)
            #expect(response.status == .contentTooLarge)
            #expect(response.errorCode == "INVALID_PARAMETER_VALUE")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
        }
    }

    @Test(arguments: ["/etc/passwd", "a//b", "a/../../etc/passwd", "%2e%2e/secret", "a/%2E%2E/b", "x%00y", "a/%2e%2e%2f..%2fz"])
    func artifactPathsThatEscapeTheRootAreRejected(path: String) async throws {
        try await TestApp.run { client in
            let response = try await client.execute(
                uri: Routes.mlflowArtifacts + "/artifacts/" + path, method: .put, body: ByteBuffer(string: "data"))
            #expect(response.status == .badRequest)
            #expect(response.errorCode == "INVALID_PARAMETER_VALUE")
        }
    }
}
