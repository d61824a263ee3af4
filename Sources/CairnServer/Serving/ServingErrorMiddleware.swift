import CairnAPI
import CairnCore
import Hummingbird

/// Answers every failure on a serving route in its protocol's error shape (see ``ServingFailure`` for statuses);
/// unexpected errors are logged at error level.
struct ServingErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// How a protocol writes a failure.
    let render: @Sendable (ServingFailure) throws -> Response

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            return try render(ServingFailure(error, request: request, logger: context.logger))
        }
    }

    /// The Open Inference Protocol's `{"error": "…"}`: 400 bad input, 404 unknown model or version, 413 too large a
    /// body, 503 not ready or a full queue, 504 past a deadline.
    static var inferenceV2: Self {
        Self { failure in try ServingJSON.response(V2ErrorBody(error: failure.message), status: failure.status, headers: failure.headers) }
    }

    /// `mlflow models serve`'s errors: JSON `{"error_code", "message"}` (`BAD_REQUEST` for a body in no known
    /// format, `INVALID_PARAMETER_VALUE` for input that does not match the model), and a plain-text 415 for an
    /// unsupported content type.
    static var scoring: Self {
        Self { failure in
            if failure.code == .unsupportedMediaType {
                return Response(
                    status: failure.status, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: failure.message)))
            }
            return try ServingJSON.response(
                MLflowErrorBody(error_code: scoringErrorCode(failure.code), message: failure.message), status: failure.status,
                headers: failure.headers)
        }
    }

    private static func scoringErrorCode(_ code: CairnError.Code) -> String {
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
