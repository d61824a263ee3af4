import CairnAPI
import CairnCore
import Foundation

#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Commands answered by a running server over MLflow's REST API, as `MLFLOW_TRACKING_URI` works for MLflow.
struct RemoteBackend: TrackingBackend {
    let baseURL: URL

    private func call<Response: Decodable>(
        _ method: String, _ path: String, query: [(String, String)] = [], body: [String: any Sendable]? = nil,
        as type: Response.Type
    ) async throws -> Response {
        var components = URLComponents(url: baseURL.appendingPathComponent(Routes.mlflow + path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        var request = URLRequest(url: components.url!)
        request.httpMethod = method
        if let body {
            request.setValue("application/json", forHTTPHeaderField: "Content-Type")
            request.httpBody = try JSONSerialization.data(withJSONObject: body)
        }
        let (data, response): (Data, URLResponse)
        do {
            (data, response) = try await URLSession.shared.data(for: request)
        } catch {
            throw CairnError(.unavailable, "Cannot reach the tracking server at \(baseURL): \(error.localizedDescription)")
        }
        let status = (response as? HTTPURLResponse)?.statusCode ?? 0
        guard status == 200 else {
            let body = try? JSONDecoder().decode(MLflowErrorBody.self, from: data)
            let message = body?.message ?? "HTTP \(status)"
            switch body?.error_code {
            case "RESOURCE_DOES_NOT_EXIST": throw CairnError.notFound(message)
            case "RESOURCE_ALREADY_EXISTS": throw CairnError.alreadyExists(message)
            case "INVALID_PARAMETER_VALUE": throw CairnError.invalid(message)
            default: throw CairnError(status == 503 ? .unavailable : .internal, message)
            }
        }
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(Response.self, from: data.isEmpty ? Data("{}".utf8) : data)
    }

    func searchExperiments(filter: String?, viewType: String, maxResults: Int) async throws -> [MLflowExperiment] {
        var body: [String: any Sendable] = ["max_results": maxResults, "view_type": try Self.viewName(viewType)]
        if let filter { body["filter"] = filter }
        return try await call("POST", "/experiments/search", body: body, as: MLflowSearchExperimentsResponse.self).experiments ?? []
    }

    func createExperiment(name: String, artifactLocation: String?) async throws -> String {
        var body: [String: any Sendable] = ["name": name]
        if let artifactLocation { body["artifact_location"] = artifactLocation }
        return try await call("POST", "/experiments/create", body: body, as: MLflowCreateExperimentResponse.self).experiment_id
    }

    func deleteExperiment(id: String) async throws {
        _ = try await call("POST", "/experiments/delete", body: ["experiment_id": id], as: MLflowEmptyResponse.self)
    }

    func experimentID(named name: String) async throws -> String {
        try await call("GET", "/experiments/get-by-name", query: [("experiment_name", name)], as: MLflowExperimentResponse.self)
            .experiment.experiment_id
    }

    func searchRuns(experimentIDs: [String], filter: String?, orderBy: [String], viewType: String, maxResults: Int) async throws
        -> [MLflowRun]
    {
        var body: [String: any Sendable] = [
            "experiment_ids": experimentIDs, "order_by": orderBy, "max_results": maxResults,
            "run_view_type": try Self.viewName(viewType),
        ]
        if let filter { body["filter"] = filter }
        return try await call("POST", "/runs/search", body: body, as: MLflowSearchRunsResponse.self).runs ?? []
    }

    func run(id: String) async throws -> MLflowRun {
        try await call("GET", "/runs/get", query: [("run_id", id)], as: MLflowRunResponse.self).run
    }

    func searchModels(filter: String?, maxResults: Int) async throws -> [MLflowRegisteredModel] {
        var query = [("max_results", String(maxResults))]
        if let filter { query.append(("filter", filter)) }
        return try await call("GET", "/registered-models/search", query: query, as: MLflowSearchRegisteredModelsResponse.self)
            .registered_models ?? []
    }

    func model(named name: String) async throws -> MLflowRegisteredModel {
        try await call("GET", "/registered-models/get", query: [("name", name)], as: MLflowRegisteredModelResponse.self).registered_model
    }

    func versions(of name: String) async throws -> [MLflowModelVersion] {
        _ = try await model(named: name)
        let filter = "name = '\(name.replacingOccurrences(of: "'", with: "\\'"))'"
        return try await call(
            "GET", "/model-versions/search", query: [("filter", filter), ("max_results", "200000")],
            as: MLflowModelVersionsResponse.self
        ).model_versions ?? []
    }

    func setAlias(name: String, alias: String, version: String) async throws {
        _ = try await call(
            "POST", "/registered-models/alias", body: ["name": name, "alias": alias, "version": version], as: MLflowEmptyResponse.self)
    }

    func deleteAlias(name: String, alias: String) async throws {
        _ = try await call("DELETE", "/registered-models/alias", body: ["name": name, "alias": alias], as: MLflowEmptyResponse.self)
    }

    static func viewName(_ text: String) throws -> String {
        switch text.lowercased() {
        case "active", "active_only": "ACTIVE_ONLY"
        case "deleted", "deleted_only": "DELETED_ONLY"
        case "all": "ALL"
        default: throw CairnError.invalid("Unknown view '\(text)': use active, deleted or all.")
        }
    }
}
