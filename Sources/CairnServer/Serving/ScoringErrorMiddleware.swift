import CairnAPI
import CairnCore
import Hummingbird

/// Answers every failure on an MLflow scoring route as `mlflow models serve` does: JSON
/// `{"error_code", "message"}` (`BAD_REQUEST` for a body in no known format, `INVALID_PARAMETER_VALUE` for input
/// that does not match the model), and a plain-text 415 for an unsupported content type.
struct ScoringErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = ServingFailure(error, request: request, logger: context.logger)
            if failure.code == .unsupportedMediaType {
                return Response(
                    status: failure.status, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: failure.message)))
            }
            return try ServingJSON.response(
                MLflowErrorBody(error_code: Self.errorCode(failure.code), message: failure.message), status: failure.status,
                headers: failure.headers)
        }
    }

    static func errorCode(_ code: CairnError.Code) -> String {
        switch code {
        case .malformedRequest: "BAD_REQUEST"
        case .invalidArgument, .tooLarge: "INVALID_PARAMETER_VALUE"
        case .notFound: "RESOURCE_DOES_NOT_EXIST"
        case .unavailable: "TEMPORARILY_UNAVAILABLE"
        case .timedOut: "DEADLINE_EXCEEDED"
        default: "INTERNAL_ERROR"
        }
    }
}
