import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// MLflow's scoring protocol as `cairn serve` answers it.
struct ScoringRoutesTests {
    @Test(arguments: [
        #"{"dataframe_split": {"columns": ["x", "y", "color"], "data": [[9.5, 9, "blue"], [0.1, 0.2, "blue"]]}}"#,
        #"{"dataframe_split": {"data": [[9.5, 9, "blue"], [0.1, 0.2, "blue"]]}}"#,
        #"{"dataframe_records": [{"x": 9.5, "y": 9, "color": "blue"}, {"x": 0.1, "y": 0.2, "color": "blue"}]}"#,
        #"{"instances": [{"x": 9.5, "y": 9, "color": "blue"}, {"x": 0.1, "y": 0.2, "color": "blue"}]}"#,
        #"{"instances": [[9.5, 9, "blue"], [0.1, 0.2, "blue"]]}"#,
        #"{"inputs": {"x": [9.5, 0.1], "y": [9, 0.2], "color": ["blue", "blue"]}}"#,
        #"{"inputs": [{"x": 9.5, "y": 9, "color": "blue"}, {"x": 0.1, "y": 0.2, "color": "blue"}]}"#,
    ])
    func everyJSONFormatGivesTheSamePredictions(body: String) async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send("/invocations", body)
            #expect(response.status == .ok)
            #expect(String(buffer: response.body) == #"{"predictions":[1,0]}"#)
        }
    }

    @Test func csvWithAHeaderIsScored() async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send("/invocations", "x,y,color\n9.5,9,blue\n0.1,0.2,blue\n", contentType: "text/csv")
            #expect(String(buffer: response.body) == #"{"predictions":[1,0]}"#)
        }
    }

    @Test func aRegressorReturnsNumbers() async throws {
        try await ServingTestApp.run(model: try ModelFixtures.regressor()) { client in
            let response = try await client.send("/invocations", #"{"dataframe_records": [{"x": 1, "y": 1, "color": "red"}]}"#)
            let predictions = response.json["predictions"] as? [Double] ?? []
            #expect(predictions.count == 1)
            #expect(abs(predictions[0] - 6) < 1)
        }
    }

    @Test(arguments: [
        ("{", "BAD_REQUEST", "valid JSON"),
        ("[1, 2]", "BAD_REQUEST", "Received a list"),
        (#"{"data": []}"#, "BAD_REQUEST", "exactly one of the input fields"),
        (#"{"instances": [], "inputs": []}"#, "BAD_REQUEST", "exactly one of the input fields"),
        (#"{"dataframe_split": {"columns": ["x", "y"], "data": [[1, 2, 3]]}}"#, "BAD_REQUEST", "has 3 values for 2 columns"),
        (#"{"dataframe_records": [{"x": 1}]}"#, "INVALID_PARAMETER_VALUE", "Model is missing inputs ['y', 'color']"),
        (#"{"dataframe_records": [{"x": "a", "y": 1, "color": "red"}]}"#, "INVALID_PARAMETER_VALUE", "Input 'x' row 0: expected a number"),
        (#"{"instances": [[1, 2]]}"#, "INVALID_PARAMETER_VALUE", "Row 0 has 2 values"),
    ])
    func badBodiesGetMLflowsErrorShape(body: String, code: String, message: String) async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send("/invocations", body)
            #expect(response.status == .badRequest)
            #expect(response.errorCode == code)
            #expect(response.message.contains(message), "\(response.message)")
        }
    }

    @Test(arguments: [nil, "text/plain", "application/json; format=pandas-split", "application/json; charset=latin-1"])
    func unsupportedContentTypesGet415(contentType: String?) async throws {
        try await ServingTestApp.run { client in
            let response = try await client.send("/invocations", #"{"instances": [[1, 2, "red"]]}"#, contentType: contentType)
            #expect(response.status == .unsupportedMediaType)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain") == true)
        }
    }

    @Test func pingHealthAndVersionAnswer() async throws {
        try await ServingTestApp.run { client in
            let ping = try await client.execute(uri: "/ping", method: .get)
            #expect(ping.status == .ok)
            #expect(String(buffer: ping.body) == "\n")
            #expect(try await client.execute(uri: "/health", method: .get).status == .ok)
            #expect(try await client.execute(uri: "/version", method: .get).status == .ok)
        }
        try await ServingTestApp.run(endpoint: await ServingTestApp.broken()) { client in
            #expect(try await client.execute(uri: "/ping", method: .get).status == .serviceUnavailable)
            let response = try await client.send("/invocations", #"{"instances": [[1, 2, "red"]]}"#)
            #expect(response.status == .serviceUnavailable)
            #expect(response.errorCode == "TEMPORARILY_UNAVAILABLE")
        }
    }

    @Test func oversizedBodiesGet413() async throws {
        try await ServingTestApp.run(maxBodySize: 16) { client in
            let response = try await client.send("/invocations", #"{"instances": [[1, 2, "red"], [1, 2, "red"]]}"#)
            #expect(response.status == .contentTooLarge)
        }
    }
}
