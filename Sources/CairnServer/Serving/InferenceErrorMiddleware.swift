import CairnAPI
import CairnCore
import Hummingbird

/// Answers every failure on an Open Inference Protocol route with the protocol's `{"error": "…"}` body: 400 for
/// bad input, 404 for an unknown model or version, 413 for too large a body, 503 for a model that is not ready,
/// 504 past a deadline; unexpected errors are logged at error level.
struct InferenceErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let failure = ServingFailure(error, request: request, logger: context.logger)
            return try ServingJSON.response(V2ErrorBody(error: failure.message), status: failure.status, headers: failure.headers)
        }
    }
}
