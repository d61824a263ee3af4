import CairnAPI
import CairnCore
import CairnTracking
import Hummingbird

/// MLflow's experiment RPCs.
struct ExperimentsController {
    let tracking: TrackingService

    func register<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let tracking = self.tracking
        routes.on("/experiments/create", .post) { request, _ in
            let tags = try request.objects("tags").map { try KeyValue(key: $0.requiredString("key"), value: $0.string("value") ?? "") }
            let id = try await tracking.createExperiment(
                name: try request.requiredString("name"), artifactLocation: try request.string("artifact_location"), tags: tags)
            return MLflowCreateExperimentResponse(experiment_id: id)
        }
        routes.on("/experiments/get", .get) { request, _ in
            MLflowExperimentResponse(experiment: MLflowMapping.experiment(try await tracking.experiment(id: try request.requiredString("experiment_id"))))
        }
        routes.on("/experiments/get-by-name", .get) { request, _ in
            MLflowExperimentResponse(
                experiment: MLflowMapping.experiment(try await tracking.experiment(named: try request.requiredString("experiment_name"))))
        }
        routes.on("/experiments/search", .post, .get) { request, _ in
            let page = try await tracking.searchExperiments(
                filter: try request.string("filter"), orderBy: try request.strings("order_by"),
                viewType: try Self.viewType(request, field: "view_type"), maxResults: try request.int("max_results"),
                pageToken: try request.string("page_token"))
            return MLflowSearchExperimentsResponse(experiments: page.items.map(MLflowMapping.experiment), next_page_token: page.nextPageToken)
        }
        routes.on("/experiments/update", .post) { request, _ in
            try await tracking.renameExperiment(id: try request.requiredString("experiment_id"), newName: try request.requiredString("new_name"))
            return MLflowEmptyResponse()
        }
        routes.on("/experiments/delete", .post) { request, _ in
            try await tracking.deleteExperiment(id: try request.requiredString("experiment_id"))
            return MLflowEmptyResponse()
        }
        routes.on("/experiments/restore", .post) { request, _ in
            try await tracking.restoreExperiment(id: try request.requiredString("experiment_id"))
            return MLflowEmptyResponse()
        }
        routes.on("/experiments/set-experiment-tag", .post) { request, _ in
            try await tracking.setExperimentTag(
                id: try request.requiredString("experiment_id"),
                tag: KeyValue(key: try request.requiredString("key"), value: try request.string("value") ?? ""))
            return MLflowEmptyResponse()
        }
        routes.on("/experiments/delete-experiment-tag", .post) { request, _ in
            try await tracking.deleteExperimentTag(id: try request.requiredString("experiment_id"), key: try request.requiredString("key"))
            return MLflowEmptyResponse()
        }
    }

    /// A view type given by name (`ACTIVE_ONLY`) or number (1, 2, 3); active only by default.
    static func viewType(_ request: MLflowRequest, field: String) throws -> ViewType {
        guard let text = try? request.string(field) else {
            switch try request.int64(field) {
            case nil, 1: return .activeOnly
            case 2: return .deletedOnly
            case 3: return .all
            default: throw CairnError.invalid("Invalid value for parameter '\(field)' supplied.")
            }
        }
        guard let view = ViewType(rawValue: text.uppercased()) else {
            if let number = Int(text), (1...3).contains(number) { return [ViewType.activeOnly, .deletedOnly, .all][number - 1] }
            throw CairnError.invalid("Invalid value \"\(text)\" for parameter '\(field)' supplied.")
        }
        return view
    }
}
