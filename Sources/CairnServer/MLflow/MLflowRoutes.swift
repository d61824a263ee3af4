import CairnAPI
import Hummingbird

/// Registers MLflow RPC handlers under every prefix MLflow mounts them at (`/api/…` and `/ajax-api/…`).
///
/// A handler receives the parsed request fields and returns the response message; decoding, encoding and errors
/// are handled here and in ``MLflowErrorMiddleware``, so handlers only call a service.
struct MLflowRoutes<Context: RequestContext>: Sendable {
    let groups: [RouterGroup<Context>]
    let maxBodySize: Int

    /// Adds one RPC for each method.
    func on<Output: Encodable & Sendable>(
        _ path: String, _ methods: HTTPRequest.Method...,
        handler: @escaping @Sendable (MLflowRequest, Context) async throws -> Output
    ) {
        let maxBodySize = self.maxBodySize
        for group in groups {
            for method in methods {
                group.on(RouterPath(path), method: method) { request, context -> Response in
                    let fields = try await MLflowRequest.parse(request, maxBodySize: maxBodySize)
                    return try MLflowJSON.response(try await handler(fields, context))
                }
            }
        }
    }
}
