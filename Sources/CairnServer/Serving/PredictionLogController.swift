import CairnAPI
import CairnCore
import CairnServing
import Foundation
import Hummingbird

/// A deployment's prediction log: the newest predictions, and ground-truth labels posted by request id.
struct PredictionLogController {
    let predictions: PredictionLogService
    let maxBodySize: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.deployments)).add(middleware: MLflowErrorMiddleware())
        group.post("{name}/labels") { request, context in
            let body = try await request.collectServingBody(limit: maxBodySize)
            let wire: RecordLabelsRequest
            do {
                wire = try ServingJSON.decode(RecordLabelsRequest.self, from: body)
            } catch let error as CairnError {
                throw CairnError.invalid(error.message)
            }
            let unknown = try await predictions.recordLabels(
                deployment: context.parameters.require("name"), labels: wire.labels.map { ($0.request_id, Self.text($0.label)) })
            return try MLflowJSON.response(RecordLabelsResponse(unknown_request_ids: unknown))
        }
        group.get("{name}/predictions") { request, context in
            let records = try await predictions.recent(
                deployment: context.parameters.require("name"), limit: try request.intQuery("limit", default: 100))
            return try MLflowJSON.response(PredictionsResponse(predictions: records.map(Self.body)))
        }
    }

    private static func body(_ record: PredictionRecord) -> PredictionBody {
        PredictionBody(
            request_id: record.requestID, model: record.model, version: record.version, inputs: json(record.inputs),
            outputs: json(record.outputs), latency_micros: record.latencyMicros, time: record.time)
    }

    private static func json(_ text: String) -> JSONValue {
        (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    private static func text(_ value: JSONValue) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data("null".utf8), as: UTF8.self)
    }
}
