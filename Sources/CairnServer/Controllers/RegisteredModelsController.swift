import CairnAPI
import CairnCore
import CairnRegistry
import Hummingbird

/// MLflow's registered-model RPCs, aliases included.
struct RegisteredModelsController {
    let registry: RegistryService

    func register<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let registry = self.registry
        routes.on("/registered-models/create", .post) { request, _ in
            let model = try await registry.createModel(
                name: try request.requiredString("name"), description: try request.string("description"),
                tags: try Self.tags(request.objects("tags")))
            return MLflowRegisteredModelResponse(registered_model: MLflowMapping.registeredModel(model))
        }
        routes.on("/registered-models/get", .get) { request, _ in
            MLflowRegisteredModelResponse(
                registered_model: MLflowMapping.registeredModel(try await registry.model(named: try request.requiredString("name"))))
        }
        routes.on("/registered-models/rename", .post) { request, _ in
            let model = try await registry.renameModel(name: try request.requiredString("name"), newName: try request.requiredString("new_name"))
            return MLflowRegisteredModelResponse(registered_model: MLflowMapping.registeredModel(model))
        }
        routes.on("/registered-models/update", .patch) { request, _ in
            let model = try await registry.updateModel(name: try request.requiredString("name"), description: try request.string("description"))
            return MLflowRegisteredModelResponse(registered_model: MLflowMapping.registeredModel(model))
        }
        routes.on("/registered-models/delete", .delete) { request, _ in
            try await registry.deleteModel(name: try request.requiredString("name"))
            return MLflowEmptyResponse()
        }
        routes.on("/registered-models/search", .get, .post) { request, _ in
            let page = try await registry.searchModels(
                filter: try request.string("filter"), orderBy: try request.strings("order_by"),
                maxResults: try request.int("max_results"), pageToken: try request.string("page_token"))
            return MLflowSearchRegisteredModelsResponse(
                registered_models: page.items.map(MLflowMapping.registeredModel), next_page_token: page.nextPageToken)
        }
        routes.on("/registered-models/get-latest-versions", .post, .get) { request, _ in
            let versions = try await registry.latestVersions(name: try request.requiredString("name"), stages: try request.strings("stages"))
            return MLflowModelVersionsResponse(model_versions: versions.map(MLflowMapping.modelVersion))
        }
        routes.on("/registered-models/set-tag", .post) { request, _ in
            try await registry.setModelTag(name: try request.requiredString("name"), tag: try Self.tag(request))
            return MLflowEmptyResponse()
        }
        routes.on("/registered-models/delete-tag", .delete) { request, _ in
            try await registry.deleteModelTag(name: try request.requiredString("name"), key: try request.requiredString("key"))
            return MLflowEmptyResponse()
        }
        routes.on("/registered-models/alias", .post) { request, _ in
            try await registry.setAlias(
                name: try request.requiredString("name"), alias: try request.requiredString("alias"),
                version: try request.requiredString("version"))
            return MLflowEmptyResponse()
        }
        routes.on("/registered-models/alias", .delete) { request, _ in
            try await registry.deleteAlias(name: try request.requiredString("name"), alias: try request.requiredString("alias"))
            return MLflowEmptyResponse()
        }
        routes.on("/registered-models/alias", .get) { request, _ in
            let version = try await registry.version(name: try request.requiredString("name"), alias: try request.requiredString("alias"))
            return MLflowModelVersionResponse(model_version: MLflowMapping.modelVersion(version))
        }
    }

    static func tag(_ request: MLflowRequest) throws -> KeyValue {
        KeyValue(key: try request.requiredString("key"), value: try request.string("value") ?? "")
    }

    static func tags(_ requests: [MLflowRequest]) throws -> [KeyValue] { try requests.map(tag) }
}
