import CairnCore
import CairnServing
import HTTPTypes
import Hummingbird

extension CairnError.Code {
    /// A request whose body is not in the protocol's format (MLflow scoring answers it as `BAD_REQUEST`).
    static let malformedRequest = CairnError.Code("malformed_request")
    /// A request body in a media type the endpoint does not read.
    static let unsupportedMediaType = CairnError.Code("unsupported_media_type")
}

/// The HTTP statuses of serving errors, shared by the Open Inference Protocol and MLflow scoring routes.
enum ServingStatus {
    static func of(_ code: CairnError.Code) -> HTTPResponse.Status {
        switch code {
        case .invalidArgument, .malformedRequest: .badRequest
        case .notFound: .notFound
        case .tooLarge: .contentTooLarge
        case .unsupportedMediaType: .unsupportedMediaType
        case .unavailable: .serviceUnavailable
        case .timedOut: .gatewayTimeout
        case .notImplemented: .notImplemented
        default: .internalServerError
        }
    }

    /// The error for a request failure Hummingbird raised itself (no route, too large a body).
    static func error(_ error: HTTPError) -> CairnError {
        switch error.status {
        case .notFound: CairnError.notFound(error.body ?? "Not found")
        case .contentTooLarge: CairnError(.tooLarge, error.body ?? "Request body is too large")
        default: CairnError(error.status.code >= 500 ? .internal : .invalidArgument, error.body ?? error.status.reasonPhrase)
        }
    }
}

extension Request {
    /// The whole body, up to `limit` bytes.
    /// - Throws: `tooLarge` past the limit.
    func collectServingBody(limit: Int) async throws -> ByteBuffer {
        do {
            return try await body.collect(upTo: limit)
        } catch {
            throw CairnError(.tooLarge, "Request body exceeds the limit of \(limit) bytes")
        }
    }
}

extension Request {
    /// The headers by lowercased name (the last value of a repeated header wins).
    var headerMap: [String: String] {
        var map: [String: String] = [:]
        for field in headers { map[field.name.canonicalName] = field.value }
        return map
    }
}

extension InferenceResult {
    /// The response header naming the model version that answered.
    static let versionHeader = HTTPField.Name("X-Cairn-Model-Version")!
    /// The request id under which the prediction is logged (ground truth is posted with it).
    static let requestIDHeader = HTTPField.Name("X-Request-Id")!

    /// The headers every prediction response carries.
    func headers(requestID: String) -> HTTPFields {
        [Self.versionHeader: "\(model.name)/\(model.version)", Self.requestIDHeader: requestID]
    }
}
