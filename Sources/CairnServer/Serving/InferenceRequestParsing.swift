import CairnAPI
import CairnCore
import CairnServing
import HTTPTypes
import Hummingbird

/// An Open Inference Protocol request as read from its body.
struct InferenceCall {
    /// One output the request names.
    struct Output {
        var name: String
        /// The output's own `binary_data` parameter, if it sets one.
        var binary: Bool?
    }

    var id: String?
    var inputs: [InferenceTensor]
    /// The outputs asked for, or `nil` for all.
    var outputs: [Output]?
    /// The request's `binary_data_output` parameter: outputs in binary unless an output says otherwise.
    var binaryOutputs: Bool
    /// The request's `timeout` parameter (microseconds on the wire).
    var timeout: Duration?

    /// Whether the output named `name` goes back as binary data.
    func wantsBinary(_ name: String) -> Bool {
        outputs?.first { $0.name == name }?.binary ?? binaryOutputs
    }
}

/// Reads an Open Inference Protocol request body with the one-pass JSON parser (inference bodies are mostly long
/// arrays of numbers, which `JSONDecoder` decodes slowly), naming the field of any mistake. Bodies using the binary
/// tensor data extension carry the JSON part's length in `Inference-Header-Content-Length`, and each binary input's
/// byte count in its `binary_data_size` parameter.
enum InferenceRequestParsing {
    /// The request in a body.
    /// - Parameter jsonLength: the value of `Inference-Header-Content-Length`, if the request has one.
    /// - Throws: `malformedRequest` for invalid JSON, a missing field or a field of the wrong type, or binary data
    ///   whose sizes do not add up; `invalidArgument` for tensor data that does not fit its datatype.
    static func parse(_ body: ByteBuffer, jsonLength: String? = nil) throws -> InferenceCall {
        let size = body.readableBytes
        let split = try jsonLength.map { text in
            guard let length = Int(text), (0...size).contains(length) else {
                throw malformed("header '\(HTTPField.Name.inferenceHeaderContentLength)' must be a byte count from 0 to the body's \(size) bytes, not '\(text)'")
            }
            return length
        } ?? size
        let json: JSONValue
        do {
            json = try body.withUnsafeReadableBytes { try JSONValue(parsing: UnsafeRawBufferPointer(rebasing: $0[..<split])) }
        } catch let error as CairnError {
            throw CairnError(.malformedRequest, "Invalid request body: the body is not valid JSON (\(error.message))")
        }
        let root = try object(json, "the body")
        // Only the binary part, usually empty, is copied.
        var binary = ArraySlice(body.withUnsafeReadableBytes { Array($0[split...]) })
        let inputs = try array(root["inputs"], "inputs").enumerated().map { index, item in
            try tensor(try object(item, "inputs[\(index)]"), field: "inputs[\(index)]", binary: &binary)
        }
        guard binary.isEmpty else {
            throw malformed("\(binary.count) bytes of binary data follow the JSON part but no input's binary_data_size claims them")
        }
        let outputs = try root["outputs"].map { value in
            try array(value, "outputs").enumerated().map { index, item in
                let output = try object(item, "outputs[\(index)]")
                let parameters = try self.parameters(output["parameters"], "outputs[\(index)].parameters")
                return InferenceCall.Output(
                    name: try string(output["name"], "outputs[\(index)].name"),
                    binary: try flag(parameters["binary_data"], "outputs[\(index)].parameters.binary_data"))
            }
        }
        let parameters = try self.parameters(root["parameters"], "parameters")
        return InferenceCall(
            id: try id(root["id"]), inputs: inputs, outputs: outputs,
            binaryOutputs: try flag(parameters["binary_data_output"], "parameters.binary_data_output") ?? false,
            timeout: try timeout(parameters["timeout"]))
    }

    /// One input tensor: its `data` as JSON, or its bytes taken from the front of `binary`.
    private static func tensor(_ tensor: [String: JSONValue], field: String, binary: inout ArraySlice<UInt8>) throws -> InferenceTensor {
        let name = try string(tensor["name"], "\(field).name")
        let shape = try shape(tensor["shape"], "\(field).shape")
        let datatype = try string(tensor["datatype"], "\(field).datatype")
        let parameters = try parameters(tensor["parameters"], "\(field).parameters")
        guard let size = parameters["binary_data_size"] else {
            guard let data = tensor["data"] else { throw malformed("missing field '\(field).data'") }
            return try TensorMapping.tensor(name: name, shape: shape, datatype: datatype, data: data)
        }
        guard case .integer(let count) = size, count >= 0, count <= binary.count else {
            throw malformed("\(field).parameters.binary_data_size must be a byte count of at most the \(binary.count) binary bytes left")
        }
        let type = try TensorDatatype.parse(datatype, input: name)
        guard let elements = InferenceTensor.elementCount(of: shape) else {
            throw CairnError.invalid("Input '\(name)' has an invalid shape \(shape)")
        }
        let bytes = binary.prefix(Int(count))
        binary = binary.dropFirst(Int(count))
        let values = try TensorBytes.decode(bytes, datatype: type, count: elements, input: name)
        return InferenceTensor(name: name, datatype: type, shape: shape, values: values)
    }

    private static func malformed(_ message: String) -> CairnError { CairnError(.malformedRequest, "Invalid request body: \(message)") }

    private static func object(_ value: JSONValue, _ field: String) throws -> [String: JSONValue] {
        guard case .object(let fields) = value else { throw malformed("\(field) must be an object") }
        return fields
    }

    private static func parameters(_ value: JSONValue?, _ field: String) throws -> [String: JSONValue] {
        guard let value, value != .null else { return [:] }
        return try object(value, field)
    }

    private static func array(_ value: JSONValue?, _ field: String) throws -> [JSONValue] {
        guard let value else { throw malformed("missing field '\(field)'") }
        guard case .array(let items) = value else { throw malformed("field '\(field)' must be an array") }
        return items
    }

    private static func string(_ value: JSONValue?, _ field: String) throws -> String {
        guard let value else { throw malformed("missing field '\(field)'") }
        guard case .string(let text) = value else { throw malformed("field '\(field)' must be a string") }
        return text
    }

    private static func flag(_ value: JSONValue?, _ field: String) throws -> Bool? {
        switch value {
        case nil: return nil
        case .bool(let flag)?: return flag
        default: throw malformed("field '\(field)' must be a boolean")
        }
    }

    private static func id(_ value: JSONValue?) throws -> String? {
        switch value {
        case nil, .null?: return nil
        case .string(let text)?: return text
        default: throw malformed("field 'id' must be a string")
        }
    }

    /// The `timeout` parameter, in microseconds as Triton sends it; 0 means none.
    private static func timeout(_ value: JSONValue?) throws -> Duration? {
        guard let value else { return nil }
        guard case .integer(let micros) = value, micros >= 0 else {
            throw malformed("field 'parameters.timeout' must be a whole number of microseconds")
        }
        return try InferenceRequest.timeout(micros: micros)
    }

    private static func shape(_ value: JSONValue?, _ field: String) throws -> [Int] {
        try array(value, field).map { dimension in
            guard case .integer(let size) = dimension, let int = Int(exactly: size) else {
                throw malformed("field '\(field)' must be an array of integers")
            }
            return int
        }
    }
}

extension HTTPField.Name {
    /// The header of the binary tensor data extension that gives the length of a body's JSON part.
    static let inferenceHeaderContentLength = HTTPField.Name("Inference-Header-Content-Length")!
}
