import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// The Open Inference Protocol routes of `cairn serve`.
struct InferenceV2RoutesTests {
    static let infer = "/v2/models/churn/infer"

    @Test func healthAndServerMetadataAnswer() async throws {
        try await ServingTestApp.run { client in
            #expect(try await client.execute(uri: "/v2/health/live", method: .get).json["live"] as? Bool == true)
            #expect(try await client.execute(uri: "/v2/health/ready", method: .get).json["ready"] as? Bool == true)
            #expect(try await client.execute(uri: "/v2", method: .get).json["name"] as? String == "cairn")
            let ready = try await client.execute(uri: "/v2/models/churn/versions/1/ready", method: .get)
            #expect(ready.status == .ok)
            #expect(ready.json["ready"] as? Bool == true)
        }
    }

    @Test func modelMetadataDescribesInputsAndOutputs() async throws {
        try await ServingTestApp.run { client in
            let metadata = try await client.execute(uri: "/v2/models/churn", method: .get).json
            #expect(metadata["platform"] as? String == "cairn_native")
            #expect(metadata["versions"] as? [String] == ["1"])
            let inputs = metadata["inputs"] as? [[String: Any]] ?? []
            #expect(inputs.map { $0["name"] as? String } == ["x", "y", "color"])
            #expect(inputs.map { $0["datatype"] as? String } == ["FP64", "FP64", "BYTES"])
            let outputs = metadata["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.map { $0["shape"] as? [Int] } == [[-1], [-1, 2]])
        }
    }

    @Test func inferWithOneTensorPerFeature() async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send(Self.infer, """
                {"id": "r1", "inputs": [
                  {"name": "x", "shape": [2], "datatype": "FP32", "data": [9.5, 0.1]},
                  {"name": "y", "shape": [2, 1], "datatype": "FP64", "data": [[9.0], [0.2]]},
                  {"name": "color", "shape": [2], "datatype": "BYTES", "data": ["blue", "blue"]}]}
                """)
            #expect(response.status == .ok)
            #expect(response.headers[.init("X-Cairn-Model-Version")!] == "churn/1")
            let json = response.json
            #expect(json["id"] as? String == "r1")
            #expect(json["model_name"] as? String == "churn")
            #expect(json["model_version"] as? String == "1")
            let outputs = json["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.map { $0["name"] as? String } == ["label", "probabilities"])
            #expect(outputs[0]["data"] as? [String] == ["1", "0"])
            #expect(outputs[1]["shape"] as? [Int] == [2, 2])
            #expect((outputs[1]["data"] as? [Double])?.count == 4)
        }
    }

    @Test func inferWithOneTwoDimensionalTensorAndAChosenOutput() async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send(Self.infer, """
                {"inputs": [{"name": "input-0", "shape": [1, 3], "datatype": "BYTES", "data": [["1", "1", "red"]]}],
                 "outputs": [{"name": "probabilities"}]}
                """)
            #expect(response.status == .ok)
            let outputs = response.json["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.map { $0["name"] as? String } == ["probabilities"])
        }
    }

    @Test(arguments: [
        (#"{"inputs": [{"name": "x", "shape": [2], "datatype": "FP64", "data": [1]}]}"#, "needs 2 elements"),
        (#"{"inputs": [{"name": "x", "shape": [4294967296, 4294967296], "datatype": "FP64", "data": [1]}]}"#, "invalid shape"),
        (#"{"inputs": [{"name": "in", "shape": [2, 3], "datatype": "FP64", "data": [[1, 2, 3], [4, 5]]}]}"#, "ragged"),
        (#"{"inputs": [{"name": "x", "shape": [1], "datatype": "FLOAT", "data": [1]}]}"#, "unknown datatype 'FLOAT'"),
        (#"{"inputs": [{"name": "x", "shape": [1], "datatype": "INT32", "data": ["a"]}]}"#, "not a value of datatype INT32"),
        (#"{"inputs": [{"name": "q", "shape": [1], "datatype": "FP64", "data": [1]}]}"#, "Unknown input 'q'"),
        (#"{"inputs": [{"name": "x", "shape": [1], "datatype": "FP64", "data": [1]}]}"#, "missing inputs ['y', 'color']"),
        (#"{"inputs": [{"name": "x", "shape": [1], "datatype": "FP64"}]}"#, "missing field 'inputs[0].data'"),
        (#"{"inputs": [{"name": "x", "shape": [1], "datatype": "FP64", "data": [1]"#, "not valid JSON"),
        (#"{"inputs": [{"name": "in", "shape": [1, 3], "datatype": "FP64", "data": [1, 2, 3]}], "outputs": [{"name": "score"}]}"#, "Unknown output 'score'"),
    ])
    func badRequestsGet400WithTheProtocolsErrorShape(body: String, message: String) async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send(Self.infer, body)
            #expect(response.status == .badRequest)
            let error = response.json["error"] as? String ?? ""
            #expect(error.contains(message), "\(error)")
        }
    }

    @Test func unknownModelsAndVersionsGet404() async throws {
        try await ServingTestApp.run { client in
            let body = #"{"inputs": [{"name": "in", "shape": [1, 3], "datatype": "FP64", "data": [1, 2, 3]}]}"#
            let unknownModel = try await client.send("/v2/models/other/infer", body)
            #expect(unknownModel.status == .notFound)
            #expect(unknownModel.json["error"] as? String == "Model with name other does not exist.")
            #expect(try await client.send("/v2/models/churn/versions/7/infer", body).status == .notFound)
            #expect(try await client.execute(uri: "/v2/models/churn/versions/7", method: .get).status == .notFound)
        }
    }

    @Test func oversizedBodiesGet413() async throws {
        try await ServingTestApp.run(maxBodySize: 64) { client in
            let body = #"{"inputs": [{"name": "in", "shape": [1, 3], "datatype": "FP64", "data": [1, 2, 3]}], "id": "a long request id"}"#
            let response = try await client.send(Self.infer, body)
            #expect(response.status == .contentTooLarge)
            #expect((response.json["error"] as? String)?.contains("exceeds the limit of 64 bytes") == true)
        }
    }

    @Test func aModelThatFailsToLoadIsNotReadyAndGetsNoTraffic() async throws {
        try await ServingTestApp.run(endpoint: await ServingTestApp.broken()) { client in
            #expect(try await client.execute(uri: "/v2/health/ready", method: .get).status == .serviceUnavailable)
            #expect(try await client.execute(uri: "/v2/models/broken/ready", method: .get).status == .serviceUnavailable)
            let body = #"{"inputs": [{"name": "in", "shape": [1, 3], "datatype": "FP64", "data": [1, 2, 3]}]}"#
            let response = try await client.send("/v2/models/broken/infer", body)
            #expect(response.status == .serviceUnavailable)
            #expect((response.json["error"] as? String)?.contains("is not ready") == true)
        }
    }
}
