import CairnAPI
import CairnCore
import Hummingbird

/// Reads an Open Inference Protocol request body with the one-pass JSON parser (inference bodies are mostly long
/// arrays of numbers, which `JSONDecoder` decodes slowly), naming the field of any mistake.
enum InferenceRequestParsing {
    /// The request in a body.
    /// - Throws: `malformedRequest` for invalid JSON, a missing field or a field of the wrong type.
    static func parse(_ body: ByteBuffer) throws -> V2InferenceRequest {
        let json: JSONValue
        do {
            json = try body.withUnsafeReadableBytes { try JSONValue(parsing: $0) }
        } catch let error as CairnError {
            throw CairnError(.malformedRequest, "Invalid request body: the body is not valid JSON (\(error.message))")
        }
        let root = try object(json, "the body")
        let inputs = try array(root["inputs"], "inputs").enumerated().map { index, item in
            let field = "inputs[\(index)]"
            let tensor = try object(item, field)
            guard let data = tensor["data"] else { throw malformed("missing field '\(field).data'") }
            return V2Tensor(
                name: try string(tensor["name"], "\(field).name"), shape: try shape(tensor["shape"], "\(field).shape"),
                datatype: try string(tensor["datatype"], "\(field).datatype"), data: data)
        }
        let outputs = try root["outputs"].map { value in
            try array(value, "outputs").enumerated().map { index, item in
                V2RequestedOutput(name: try string(try object(item, "outputs[\(index)]")["name"], "outputs[\(index)].name"))
            }
        }
        let id: String?
        switch root["id"] {
        case nil, .null?: id = nil
        case .string(let text)?: id = text
        default: throw malformed("field 'id' must be a string")
        }
        return V2InferenceRequest(id: id, inputs: inputs, outputs: outputs)
    }

    private static func malformed(_ message: String) -> CairnError { CairnError(.malformedRequest, "Invalid request body: \(message)") }

    private static func object(_ value: JSONValue, _ field: String) throws -> [String: JSONValue] {
        guard case .object(let fields) = value else { throw malformed("\(field) must be an object") }
        return fields
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

    private static func shape(_ value: JSONValue?, _ field: String) throws -> [Int] {
        try array(value, field).map { dimension in
            guard case .integer(let size) = dimension, let int = Int(exactly: size) else {
                throw malformed("field '\(field)' must be an array of integers")
            }
            return int
        }
    }
}
