import CairnAPI
import CairnCore
import CairnServing
import Foundation
import Hummingbird

/// MLflow's scoring protocol (`mlflow models serve`) over the endpoints of a ``ServingService``.
struct ScoringController {
    let serving: ServingService
    let maxBodySize: Int

    /// Registers `POST /invocations`, `GET /ping`, `GET /health` and `GET /version` for the one endpoint `name`,
    /// as `cairn serve` hosts it.
    func registerStandalone<Context: RequestContext>(on router: Router<Context>, name: String, version: String) {
        let group = router.group().add(middleware: ServingErrorMiddleware.scoring)
        group.post(RouterPath(Routes.invocations)) { request, _ in try await invoke(request, endpoint: name) }
        for path in ["/ping", "/health"] {
            group.get(RouterPath(path)) { _, _ in
                let ready = await serving.isReady()
                return Response(
                    status: ready ? .ok : .serviceUnavailable, headers: [.contentType: "application/json"],
                    body: ResponseBody(byteBuffer: ByteBuffer(string: "\n")))
            }
        }
        group.get("/version") { _, _ in version }
    }

    /// Registers `POST {prefix}/{name}/invocations` for every endpoint of the service.
    func registerEndpoints<Context: RequestContext>(on router: Router<Context>, prefix: String) {
        router.group(RouterPath(prefix)).add(middleware: ServingErrorMiddleware.scoring)
            .post("{name}/invocations") { request, context in try await invoke(request, endpoint: context.parameters.require("name")) }
    }

    private func invoke(_ request: Request, endpoint: String) async throws -> Response {
        let body = try await request.collectServingBody(limit: maxBodySize)
        let input = try ScoringInput.parse(body, contentType: request.headers[.contentType])
        let requestID = request.headers[InferenceResult.requestIDHeader] ?? UUID().uuidString
        let result = try await serving.infer(endpoint, InferenceRequest(id: requestID, input: input, headers: request.headerMap))
        let predictions = try PredictionOutput.mlflowPredictions(
            result.predictions, classes: result.model.predictor.classes, pyfunc: result.model.pyfunc
        ).map { prediction -> JSONValue in
            switch prediction {
            case .value(let value): TensorMapping.json(value)
            case .values(let numbers): .array(numbers.map(JSONValue.number))
            }
        }
        return try ServingJSON.response(MLflowPredictionsBody(predictions: predictions), headers: result.headers(requestID: requestID))
    }
}
