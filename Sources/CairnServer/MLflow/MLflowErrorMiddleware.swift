import CairnAPI
import CairnCore
import Hummingbird
import Logging

/// Turns every error on an MLflow route into MLflow's error body and status, and logs unexpected ones at error
/// level (Hummingbird alone would answer a bare 500 logged at debug level).
///
/// Client mistakes are never answered with 5xx, which the MLflow client retries for minutes.
struct MLflowErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as CairnError {
            if error.code == .internal {
                context.logger.error("Request failed", metadata: ["cairn.error": "\(error.message)", "cairn.path": "\(request.uri.path)"])
            }
            let (status, code) = Self.mapping(error.code)
            return try MLflowJSON.response(MLflowErrorBody(error_code: code, message: error.message), status: status)
        } catch let error as HTTPError {
            let code = error.status == .notFound ? "ENDPOINT_NOT_FOUND" : "INVALID_PARAMETER_VALUE"
            let status: HTTPResponse.Status = error.status.code >= 500 ? .badRequest : error.status
            return try MLflowJSON.response(
                MLflowErrorBody(error_code: code, message: error.body ?? error.status.reasonPhrase), status: status)
        } catch {
            context.logger.error("Request failed", metadata: ["cairn.error": "\(error)", "cairn.path": "\(request.uri.path)"])
            return try MLflowJSON.response(
                MLflowErrorBody(error_code: "INTERNAL_ERROR", message: "Internal error"), status: .internalServerError)
        }
    }

    /// The HTTP status and MLflow error code for an error code.
    static func mapping(_ code: CairnError.Code) -> (HTTPResponse.Status, String) {
        switch code {
        case .invalidArgument: (.badRequest, "INVALID_PARAMETER_VALUE")
        case .notFound: (.notFound, "RESOURCE_DOES_NOT_EXIST")
        case .alreadyExists: (.badRequest, "RESOURCE_ALREADY_EXISTS")
        case .invalidState: (.internalServerError, "INVALID_STATE")
        case .conflict: (.conflict, "RESOURCE_CONFLICT")
        case .tooLarge: (.contentTooLarge, "INVALID_PARAMETER_VALUE")
        case .unavailable: (.serviceUnavailable, "TEMPORARILY_UNAVAILABLE")
        case .notImplemented: (.notImplemented, "NOT_IMPLEMENTED")
        default: (.internalServerError, "INTERNAL_ERROR")
        }
    }
}
