import CairnAPI
import CairnCore
import CairnTracking
import Hummingbird

/// MLflow 3's logged-model RPCs, which every `log_model` calls.
struct LoggedModelsController {
    let models: LoggedModelService

    func register<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let models = self.models
        routes.on("/logged-models", .post) { request, _ in
            let model = try await models.create(
                experimentID: try request.requiredString("experiment_id"), name: try request.string("name"),
                modelType: try request.string("model_type"), sourceRunID: try request.string("source_run_id"),
                params: try RunsController.keyValues(request.objects("params")),
                tags: try RunsController.keyValues(request.objects("tags")))
            return MLflowLoggedModelResponse(model: MLflowMapping.loggedModel(model))
        }
        routes.on("/logged-models/search", .post) { request, _ in
            let orderBy = try request.objects("order_by").map { order in
                SearchOrder(entity: .attribute, key: try order.requiredString("field_name"), ascending: try order.bool("ascending") ?? true)
            }
            let page = try await models.search(
                experimentIDs: try request.strings("experiment_ids"), filter: try request.string("filter"), orderBy: orderBy,
                maxResults: try request.int("max_results"), pageToken: try request.string("page_token"))
            return MLflowSearchLoggedModelsResponse(
                models: page.items.isEmpty ? nil : page.items.map(MLflowMapping.loggedModel), next_page_token: page.nextPageToken)
        }
        routes.on("/logged-models/:model_id", .get) { request, context in
            let model = try await models.get(id: try Self.modelID(context), allowDeleted: try request.bool("allow_deleted") ?? false)
            return MLflowLoggedModelResponse(model: MLflowMapping.loggedModel(model))
        }
        routes.on("/logged-models/:model_id", .patch) { request, context in
            let text = try request.requiredString("status")
            guard let status = LoggedModelStatus(rawValue: text) else {
                throw CairnError.invalid("Invalid value \"\(text)\" for parameter 'status' supplied.")
            }
            return MLflowLoggedModelResponse(model: MLflowMapping.loggedModel(try await models.finalize(id: try Self.modelID(context), status: status)))
        }
        routes.on("/logged-models/:model_id", .delete) { _, context in
            try await models.delete(id: try Self.modelID(context))
            return MLflowEmptyResponse()
        }
        routes.on("/logged-models/:model_id/tags", .patch) { request, context in
            try await models.setTags(id: try Self.modelID(context), tags: try RunsController.keyValues(request.objects("tags")))
            return MLflowEmptyResponse()
        }
        routes.on("/logged-models/:model_id/tags/:tag_key", .delete) { _, context in
            try await models.deleteTag(id: try Self.modelID(context), key: try context.parameters.require("tag_key"))
            return MLflowEmptyResponse()
        }
        routes.on("/logged-models/:model_id/params", .post) { request, context in
            try await models.logParams(id: try Self.modelID(context), params: try RunsController.keyValues(request.objects("params")))
            return MLflowEmptyResponse()
        }
    }

    static func modelID<Context: RequestContext>(_ context: Context) throws -> String {
        try context.parameters.require("model_id")
    }
}
