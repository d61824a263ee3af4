import CairnAPI
import CairnCore
import CairnRegistry
import Hummingbird

/// MLflow's model-version RPCs.
struct ModelVersionsController {
    let registry: RegistryService

    func register<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let registry = self.registry
        routes.on("/model-versions/create", .post) { request, _ in
            let version = try await registry.createVersion(
                name: try request.requiredString("name"), source: try request.requiredString("source"),
                runID: try request.string("run_id"), modelID: try request.string("model_id"),
                description: try request.string("description"), runLink: try request.string("run_link"),
                tags: try RegisteredModelsController.tags(request.objects("tags")))
            return MLflowModelVersionResponse(model_version: MLflowMapping.modelVersion(version))
        }
        routes.on("/model-versions/get", .get) { request, _ in
            let version = try await registry.version(name: try request.requiredString("name"), version: try request.requiredString("version"))
            return MLflowModelVersionResponse(model_version: MLflowMapping.modelVersion(version))
        }
        routes.on("/model-versions/update", .patch) { request, _ in
            let version = try await registry.updateVersion(
                name: try request.requiredString("name"), version: try request.requiredString("version"),
                description: try request.string("description"))
            return MLflowModelVersionResponse(model_version: MLflowMapping.modelVersion(version))
        }
        routes.on("/model-versions/delete", .delete) { request, _ in
            try await registry.deleteVersion(name: try request.requiredString("name"), version: try request.requiredString("version"))
            return MLflowEmptyResponse()
        }
        routes.on("/model-versions/search", .get, .post) { request, _ in
            let page = try await registry.searchVersions(
                filter: try request.string("filter"), orderBy: try request.strings("order_by"),
                maxResults: try request.int("max_results"), pageToken: try request.string("page_token"))
            return MLflowModelVersionsResponse(model_versions: page.items.map(MLflowMapping.modelVersion), next_page_token: page.nextPageToken)
        }
        routes.on("/model-versions/get-download-uri", .get) { request, _ in
            MLflowDownloadURIResponse(
                artifact_uri: try await registry.downloadURI(name: try request.requiredString("name"), version: try request.requiredString("version")))
        }
        routes.on("/model-versions/transition-stage", .post) { request, _ in
            let version = try await registry.transitionStage(
                name: try request.requiredString("name"), version: try request.requiredString("version"),
                stage: try request.requiredString("stage"), archiveExisting: try request.bool("archive_existing_versions") ?? false)
            return MLflowModelVersionResponse(model_version: MLflowMapping.modelVersion(version))
        }
        routes.on("/model-versions/set-tag", .post) { request, _ in
            try await registry.setVersionTag(
                name: try request.requiredString("name"), version: try request.requiredString("version"),
                tag: try RegisteredModelsController.tag(request))
            return MLflowEmptyResponse()
        }
        routes.on("/model-versions/delete-tag", .delete) { request, _ in
            try await registry.deleteVersionTag(
                name: try request.requiredString("name"), version: try request.requiredString("version"),
                key: try request.requiredString("key"))
            return MLflowEmptyResponse()
        }
    }
}
