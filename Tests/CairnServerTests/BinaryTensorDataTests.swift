import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The binary tensor data extension of the Open Inference Protocol (what `tritonclient` sends by default).
struct BinaryTensorDataTests {
    static let infer = "/v2/models/churn/infer"

    /// The little-endian bytes of doubles, floats and length-prefixed strings.
    static func bytes(_ doubles: [Double]) -> [UInt8] { doubles.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }
    static func bytes(_ floats: [Float]) -> [UInt8] { floats.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) } }
    static func bytes(_ strings: [String]) -> [UInt8] {
        strings.flatMap { withUnsafeBytes(of: UInt32($0.utf8.count).littleEndian, Array.init) + Array($0.utf8) }
    }

    /// A body of a JSON part and binary data, with its header.
    static func send(_ client: any TestClientProtocol, json: String, binary: [UInt8], jsonLength: String? = nil) async throws -> TestResponse {
        var headers: HTTPFields = [.contentType: "application/octet-stream"]
        headers[HTTPField.Name("Inference-Header-Content-Length")!] = jsonLength ?? String(json.utf8.count)
        var body = ByteBuffer(string: json)
        body.writeBytes(binary)
        return try await client.execute(uri: infer, method: .post, headers: headers, body: body)
    }

    static let inputsJSON = """
        {"id": "b1", "inputs": [
          {"name": "x", "shape": [2], "datatype": "FP64", "parameters": {"binary_data_size": 16}},
          {"name": "y", "shape": [2, 1], "datatype": "FP32", "parameters": {"binary_data_size": 8}},
          {"name": "color", "shape": [2], "datatype": "BYTES", "parameters": {"binary_data_size": 16}}],
         "parameters": {"binary_data_output": true}}
        """
    static let inputsBinary = bytes([9.5, 0.1]) + bytes([Float(9), Float(0.2)]) + bytes(["blue", "blue"])

    @Test func binaryInputsAndOutputsGiveTheSameAnswerAsJSON() async throws {
        try await ServingTestApp.run { client in
            let jsonAnswer = try await client.send(Self.infer, """
                {"inputs": [{"name": "x", "shape": [2], "datatype": "FP64", "data": [9.5, 0.1]},
                  {"name": "y", "shape": [2], "datatype": "FP64", "data": [9.0, \(Double(Float(0.2)))]},
                  {"name": "color", "shape": [2], "datatype": "BYTES", "data": ["blue", "blue"]}],
                 "outputs": [{"name": "probabilities"}]}
                """)
            // JSONDecoder, not JSONSerialization: the latter parses some doubles one unit in the last place off.
            struct Outputs: Decodable {
                struct Output: Decodable { var name: String; var data: [Double] }
                var outputs: [Output]
            }
            let expected = try JSONDecoder().decode(Outputs.self, from: Data(buffer: jsonAnswer.body)).outputs.first { $0.name == "probabilities" }?.data
            #expect(expected?.count == 4)

            let response = try await Self.send(client, json: Self.inputsJSON, binary: Self.inputsBinary)
            #expect(response.status == .ok)
            let body = Array(Data(buffer: response.body))
            let jsonLength = try #require(response.headers[HTTPField.Name("Inference-Header-Content-Length")!].flatMap { Int($0) })
            let json = try #require(try JSONSerialization.jsonObject(with: Data(body[..<jsonLength])) as? [String: Any])
            #expect(json["id"] as? String == "b1")
            let outputs = json["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.map { $0["name"] as? String } == ["label", "probabilities"])
            #expect(outputs.allSatisfy { $0["data"] == nil })
            let sizes = outputs.map { ($0["parameters"] as? [String: Any])?["binary_data_size"] as? Int ?? -1 }
            #expect(jsonLength + sizes.reduce(0, +) == body.count)

            var cursor = jsonLength
            var labels: [String] = []
            while cursor < jsonLength + sizes[0] {
                let length = Int(body[cursor..<cursor + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
                labels.append(String(decoding: body[cursor + 4..<cursor + 4 + length], as: UTF8.self))
                cursor += 4 + length
            }
            #expect(labels == ["1", "0"])
            let probabilities = stride(from: cursor, to: body.count, by: 8).map { offset in
                Double(bitPattern: body[offset..<offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
            #expect(probabilities == expected)
        }
    }

    @Test func anOutputMayAskForJSONInABinaryRequest() async throws {
        try await ServingTestApp.run { client in
            let json = Self.inputsJSON.replacingOccurrences(
                of: #""parameters": {"binary_data_output": true}"#,
                with: #""parameters": {"binary_data_output": true}, "outputs": [{"name": "label", "parameters": {"binary_data": false}}]"#)
            let response = try await Self.send(client, json: json, binary: Self.inputsBinary)
            #expect(response.status == .ok)
            #expect(response.headers[HTTPField.Name("Inference-Header-Content-Length")!] == nil)
            let outputs = response.json["outputs"] as? [[String: Any]] ?? []
            #expect(outputs.first?["data"] as? [String] == ["1", "0"])
        }
    }

    @Test func sizesThatDoNotAddUpAreRejectedNamingTheInput() async throws {
        try await ServingTestApp.run { client in
            let cases: [(binary: [UInt8], jsonLength: String?, message: String)] = [
                (Array(Self.inputsBinary.dropLast(3)), nil, "binary_data_size must be a byte count"),
                (Self.inputsBinary + [0, 0], nil, "2 bytes of binary data follow the JSON part"),
                (Self.inputsBinary, "99999", "Inference-Header-Content-Length"),
                (Self.inputsBinary, "12", "not valid JSON"),
            ]
            for (binary, jsonLength, message) in cases {
                let response = try await Self.send(client, json: Self.inputsJSON, binary: binary, jsonLength: jsonLength)
                #expect(response.status == .badRequest)
                #expect((response.json["error"] as? String ?? "").contains(message), "\(response.json)")
            }
            let wrongWidth = Self.inputsJSON.replacingOccurrences(of: #""binary_data_size": 8}"#, with: #""binary_data_size": 6}"#)
                .replacingOccurrences(of: #""binary_data_size": 16}},"#, with: #""binary_data_size": 18}},"#)
            let response = try await Self.send(client, json: wrongWidth, binary: Self.inputsBinary)
            #expect(response.status == .badRequest)
            #expect((response.json["error"] as? String ?? "").contains("Input 'x' has 18 bytes of binary data; 2 elements of FP64 need 16"))
            // A shape whose element count overflows is refused, not trapped on
            let hugeShape = Self.inputsJSON.replacingOccurrences(
                of: #"{"name": "x", "shape": [2]"#, with: #"{"name": "x", "shape": [4294967296, 4294967296]"#)
            let huge = try await Self.send(client, json: hugeShape, binary: Self.inputsBinary)
            #expect(huge.status == .badRequest)
            #expect((huge.json["error"] as? String ?? "").contains("Input 'x' has an invalid shape"), "\(huge.json)")
        }
    }

    @Test func serverMetadataAdvertisesTheExtension() async throws {
        try await ServingTestApp.run { client in
            let extensions = try await client.execute(uri: "/v2", method: .get).json["extensions"] as? [String] ?? []
            #expect(extensions.contains("binary_tensor_data"))
        }
    }
}
