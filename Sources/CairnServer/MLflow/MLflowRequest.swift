import CairnAPI
import CairnCore
import Foundation
import Hummingbird

/// The fields of an MLflow RPC request, from a JSON body (POST, PATCH, DELETE) or the query string (GET), with
/// typed accessors that answer MLflow's validation messages.
///
/// Like MLflow's server (protobuf `ParseDict`), int64 fields accept numbers or numeric strings, doubles accept
/// the strings `NaN`, `Infinity` and `-Infinity`, and booleans from a query string compare case-insensitively.
struct MLflowRequest: Sendable {
    private enum Source: Sendable {
        case json([String: JSONValue])
        case query([String: [String]])
    }

    private let source: Source
    /// The dotted path of this object inside the request, for messages about nested fields.
    private let prefix: String

    private init(source: Source, prefix: String = "") {
        self.source = source
        self.prefix = prefix
    }

    /// Reads the request: query parameters for GET, otherwise a JSON object body of at most `maxBodySize` bytes.
    /// - Throws: `invalidArgument` for a non-JSON content type on POST or malformed JSON; `tooLarge`.
    static func parse(_ request: Request, maxBodySize: Int) async throws -> MLflowRequest {
        if request.method == .get || request.method == .head {
            return MLflowRequest(source: .query(formDecoded(request.uri.query ?? "")))
        }
        if request.method == .post {
            let contentType = request.headers[.contentType]?.lowercased() ?? ""
            guard contentType.hasPrefix("application/json") else {
                throw CairnError.invalid("Bad Request. Content-Type must be 'application/json'")
            }
        }
        let body: ByteBuffer
        do {
            body = try await request.body.collect(upTo: maxBodySize)
        } catch {
            throw CairnError(.tooLarge, "Request body exceeds the limit of \(maxBodySize) bytes")
        }
        if body.readableBytes == 0 { return MLflowRequest(source: .json([:])) }
        let value: JSONValue
        do {
            value = try body.withUnsafeReadableBytes { try JSONValue(parsing: $0) }
        } catch {
            throw CairnError.invalid("Malformed request: the body is not valid JSON")
        }
        guard case .object(let fields) = value else {
            throw CairnError.invalid("Malformed request: the body must be a JSON object")
        }
        return MLflowRequest(source: .json(fields))
    }

    /// Decodes an `application/x-www-form-urlencoded` query, where `+` stands for a space (as `requests` sends it).
    static func formDecoded(_ query: String) -> [String: [String]] {
        var fields: [String: [String]] = [:]
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ text: Substring) -> String {
                let spaced = text.replacingOccurrences(of: "+", with: " ")
                return spaced.removingPercentEncoding ?? spaced
            }
            fields[decode(parts[0]), default: []].append(parts.count > 1 ? decode(parts[1]) : "")
        }
        return fields
    }

    // MARK: Accessors

    private func name(_ field: String) -> String { prefix.isEmpty ? field : "\(prefix).\(field)" }

    private func missing(_ field: String) -> CairnError {
        .invalid("Missing value for required parameter '\(name(field))'. See the API docs for more information about request parameters.")
    }

    private func invalid(_ field: String, _ shown: String) -> CairnError {
        .invalid("Invalid value \(shown) for parameter '\(name(field))' supplied. See the API docs for more information about request parameters.")
    }

    private func raw(_ field: String) -> JSONValue? {
        switch source {
        case .json(let fields):
            if case .null = fields[field] { return nil }
            return fields[field]
        case .query(let fields): return fields[field]?.last.map(JSONValue.string)
        }
    }

    /// An optional string field.
    func string(_ field: String) throws -> String? {
        guard let value = raw(field) else { return nil }
        guard case .string(let text) = value else { throw invalid(field, value.jsonText) }
        return text
    }

    /// A required string field; the empty string counts as missing.
    func requiredString(_ field: String) throws -> String {
        guard let text = try string(field), !text.isEmpty else { throw missing(field) }
        return text
    }

    /// A required string field that may be empty (such as a tag or param value).
    func requiredStringAllowingEmpty(_ field: String) throws -> String {
        guard let text = try string(field) else { throw missing(field) }
        return text
    }

    /// An optional int64 field given as a number or a numeric string.
    func int64(_ field: String) throws -> Int64? {
        guard let value = raw(field) else { return nil }
        switch value {
        case .integer(let number): return number
        case .number(let number) where number == number.rounded() && abs(number) < 9.2e18: return Int64(number)
        case .string(let text):
            guard let number = Int64(text.trimmingCharacters(in: .whitespaces)) else { throw invalid(field, value.jsonText) }
            return number
        default: throw invalid(field, value.jsonText)
        }
    }

    /// A required int64 field.
    func requiredInt64(_ field: String) throws -> Int64 {
        guard let value = try int64(field) else { throw missing(field) }
        return value
    }

    /// An optional int field (such as max_results).
    func int(_ field: String) throws -> Int? {
        guard let value = try int64(field) else { return nil }
        guard let small = Int(exactly: value), abs(small) <= Int(Int32.max) * 1024 else {
            throw invalid(field, String(value))
        }
        return small
    }

    /// A required double field: a number, a numeric string, or `NaN`, `Infinity`, `-Infinity`.
    func requiredDouble(_ field: String) throws -> Double {
        guard let value = raw(field) else { throw missing(field) }
        switch value {
        case .integer(let number): return Double(number)
        case .number(let number): return number
        case .string(let text):
            switch text {
            case "NaN": return .nan
            case "Infinity": return .infinity
            case "-Infinity": return -.infinity
            default:
                guard let number = Double(text), number.isFinite else { throw invalid(field, value.jsonText) }
                return number
            }
        default: throw invalid(field, value.jsonText)
        }
    }

    /// An optional boolean: JSON true/false, or `true`/`false` in any case from a query string.
    func bool(_ field: String) throws -> Bool? {
        guard let value = raw(field) else { return nil }
        switch value {
        case .bool(let flag): return flag
        case .string(let text) where text.lowercased() == "true": return true
        case .string(let text) where text.lowercased() == "false": return false
        default: throw invalid(field, value.jsonText)
        }
    }

    /// A repeated string field (a JSON array, or a repeated query key).
    func strings(_ field: String) throws -> [String] {
        switch source {
        case .query(let fields): return fields[field] ?? []
        case .json(let fields):
            guard let value = fields[field] else { return [] }
            if case .null = value { return [] }
            guard case .array(let items) = value else { throw invalid(field, value.jsonText) }
            return try items.map { item in
                guard case .string(let text) = item else { throw invalid(field, value.jsonText) }
                return text
            }
        }
    }

    /// A repeated message field: each element as its own request object.
    func objects(_ field: String) throws -> [MLflowRequest] {
        guard case .json(let fields) = source, let value = fields[field] else { return [] }
        if case .null = value { return [] }
        guard case .array(let items) = value else { throw invalid(field, value.jsonText) }
        return try items.enumerated().map { index, item in
            guard case .object(let object) = item else { throw invalid(field, value.jsonText) }
            return MLflowRequest(source: .json(object), prefix: "\(name(field))[\(index)]")
        }
    }

    /// A nested message field.
    func object(_ field: String) throws -> MLflowRequest? {
        guard case .json(let fields) = source, let value = fields[field] else { return nil }
        if case .null = value { return nil }
        guard case .object(let object) = value else { throw invalid(field, value.jsonText) }
        return MLflowRequest(source: .json(object), prefix: name(field))
    }

    /// The run id from `run_id`, falling back to the deprecated `run_uuid`.
    func runID() throws -> String {
        if let id = try string("run_id"), !id.isEmpty { return id }
        if let id = try string("run_uuid"), !id.isEmpty { return id }
        throw missing("run_id")
    }

    /// A request that carries one extra field from the URL path (for routes such as `/logged-models/{id}`).
    func with(_ field: String, _ value: String) -> MLflowRequest {
        switch source {
        case .json(var fields):
            fields[field] = .string(value)
            return MLflowRequest(source: .json(fields), prefix: prefix)
        case .query(var fields):
            fields[field] = [value]
            return MLflowRequest(source: .query(fields), prefix: prefix)
        }
    }
}
