import CairnCore
import Foundation
import Hummingbird

/// Encodes serving response bodies as compact JSON.
enum ServingJSON {
    static func response(
        _ value: some Encodable, status: HTTPResponse.Status = .ok, headers: HTTPFields = [:]
    ) throws -> Response {
        var fields = headers
        fields[.contentType] = "application/json"
        return Response(status: status, headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(bytes: try encode(value))))
    }

    /// A body of the binary tensor data extension: the JSON part, then `binary`, with the JSON part's length in
    /// `Inference-Header-Content-Length`.
    static func binaryResponse(_ value: some Encodable, _ binary: [UInt8], headers: HTTPFields = [:]) throws -> Response {
        let json = try encode(value)
        var fields = headers
        fields[.contentType] = "application/octet-stream"
        fields[.inferenceHeaderContentLength] = String(json.count)
        var buffer = ByteBuffer(bytes: json)
        buffer.writeBytes(binary)
        return Response(status: .ok, headers: fields, body: ResponseBody(byteBuffer: buffer))
    }

    /// Compact JSON, non-finite numbers as the strings `NaN`, `Infinity`, `-Infinity`.
    static func encode(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try encoder.encode(value)
    }

    /// Decodes a JSON body.
    /// - Throws: `malformedRequest` naming what is wrong.
    static func decode<T: Decodable>(_ type: T.Type, from buffer: ByteBuffer) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw CairnError(.malformedRequest, "Invalid request body: \(describe(error))")
        }
    }

    /// A short, client-facing account of a decoding error.
    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().drop { $0 == "." }.description
        }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty: return "the body is not valid JSON"
        case .keyNotFound(let key, let context):
            let parent = path(context)
            return "missing field '\(parent.isEmpty ? key.stringValue : parent + "." + key.stringValue)'"
        case .typeMismatch(let type, let context): return "field '\(path(context))' must be \(name(type))"
        case .valueNotFound(let type, let context): return "field '\(path(context))' must be \(name(type)), not null"
        case .dataCorrupted(let context): return "field '\(path(context))' is invalid"
        @unknown default: return "the body does not match the protocol"
        }
    }

    private static func name(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Int.Type, is Int64.Type, is Double.Type: "a number"
        case is Bool.Type: "a boolean"
        default: String(describing: type).hasPrefix("Array") ? "an array" : "an object"
        }
    }
}
