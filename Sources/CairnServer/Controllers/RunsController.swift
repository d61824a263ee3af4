import CairnAPI
import CairnCore
import CairnTracking
import Hummingbird

/// MLflow's run, metric, param, tag and input RPCs.
struct RunsController {
    let tracking: TrackingService

    func register<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let tracking = self.tracking
        routes.on("/runs/create", .post) { request, _ in
            let run = try await tracking.createRun(
                experimentID: try request.string("experiment_id"), userID: try request.string("user_id"),
                runName: try request.string("run_name"), startTime: try request.int64("start_time"),
                tags: try Self.keyValues(request.objects("tags")))
            return MLflowRunResponse(run: MLflowMapping.run(run))
        }
        routes.on("/runs/get", .get) { request, _ in
            MLflowRunResponse(run: MLflowMapping.run(try await tracking.run(id: try request.runID())))
        }
        routes.on("/runs/update", .post) { request, _ in
            let status = try request.string("status").map { text in
                guard let status = RunStatus(rawValue: text) else {
                    throw CairnError.invalid("Invalid value \"\(text)\" for parameter 'status' supplied.")
                }
                return status
            }
            let info = try await tracking.updateRun(
                id: try request.runID(), status: status, endTime: try request.int64("end_time"),
                runName: try request.string("run_name"))
            return MLflowUpdateRunResponse(run_info: MLflowMapping.runInfo(info))
        }
        routes.on("/runs/delete", .post) { request, _ in
            try await tracking.deleteRun(id: try request.runID())
            return MLflowEmptyResponse()
        }
        routes.on("/runs/restore", .post) { request, _ in
            try await tracking.restoreRun(id: try request.runID())
            return MLflowEmptyResponse()
        }
        routes.on("/runs/log-metric", .post) { request, _ in
            try await tracking.logMetric(runID: try request.runID(), metric: try Self.metric(request))
            return MLflowEmptyResponse()
        }
        routes.on("/runs/log-parameter", .post) { request, _ in
            try await tracking.logParam(runID: try request.runID(), param: try Self.keyValue(request))
            return MLflowEmptyResponse()
        }
        routes.on("/runs/set-tag", .post) { request, _ in
            try await tracking.setTag(runID: try request.runID(), tag: try Self.keyValue(request))
            return MLflowEmptyResponse()
        }
        routes.on("/runs/delete-tag", .post) { request, _ in
            try await tracking.deleteTag(runID: try request.runID(), key: try request.requiredString("key"))
            return MLflowEmptyResponse()
        }
        routes.on("/runs/log-batch", .post) { request, _ in
            try await tracking.logBatch(
                runID: try request.requiredString("run_id"), metrics: try request.objects("metrics").map(Self.metric),
                params: try Self.keyValues(request.objects("params")), tags: try Self.keyValues(request.objects("tags")))
            return MLflowEmptyResponse()
        }
        routes.on("/runs/log-inputs", .post) { request, _ in
            let datasets = try request.objects("datasets").map { input -> DatasetInput in
                guard let dataset = try input.object("dataset") else {
                    throw CairnError.invalid("Missing value for required parameter 'datasets.dataset'.")
                }
                return DatasetInput(
                    dataset: Dataset(
                        name: try dataset.requiredString("name"), digest: try dataset.requiredString("digest"),
                        sourceType: try dataset.requiredString("source_type"), source: try dataset.requiredString("source"),
                        schema: try dataset.string("schema"), profile: try dataset.string("profile")),
                    tags: try Self.keyValues(input.objects("tags")))
            }
            let models = try request.objects("models").map { try $0.requiredString("model_id") }
            try await tracking.logInputs(runID: try request.requiredString("run_id"), datasets: datasets, modelIDs: models)
            return MLflowEmptyResponse()
        }
        routes.on("/runs/outputs", .post) { request, _ in
            let outputs = try request.objects("models").map {
                ModelOutput(modelID: try $0.requiredString("model_id"), step: try $0.int64("step") ?? 0)
            }
            try await tracking.logOutputs(runID: try request.requiredString("run_id"), outputs: outputs)
            return MLflowEmptyResponse()
        }
        routes.on("/runs/search", .post, .get) { request, _ in
            let page = try await tracking.searchRuns(
                experimentIDs: try request.strings("experiment_ids"), filter: try request.string("filter"),
                viewType: try ExperimentsController.viewType(request, field: "run_view_type"),
                maxResults: try request.int("max_results"), orderBy: try request.strings("order_by"),
                pageToken: try request.string("page_token"))
            return MLflowSearchRunsResponse(runs: page.items.map(MLflowMapping.run), next_page_token: page.nextPageToken)
        }
        routes.on("/metrics/get-history", .get) { request, _ in
            let page = try await tracking.metricHistory(
                runID: try request.runID(), key: try request.requiredString("metric_key"),
                maxResults: try request.int("max_results"), pageToken: try request.string("page_token"))
            return MLflowMetricHistoryResponse(
                metrics: page.items.isEmpty ? nil : page.items.map { MLflowMapping.metric($0) }, next_page_token: page.nextPageToken)
        }
    }

    static func metric(_ request: MLflowRequest) throws -> Metric {
        Metric(
            key: try request.requiredString("key"), value: try request.requiredDouble("value"),
            timestamp: try request.requiredInt64("timestamp"), step: try request.int64("step") ?? 0,
            datasetName: try request.string("dataset_name"), datasetDigest: try request.string("dataset_digest"),
            modelID: try request.string("model_id"))
    }

    static func keyValue(_ request: MLflowRequest) throws -> KeyValue {
        KeyValue(key: try request.requiredString("key"), value: try request.string("value") ?? "")
    }

    static func keyValues(_ requests: [MLflowRequest]) throws -> [KeyValue] { try requests.map(keyValue) }
}
