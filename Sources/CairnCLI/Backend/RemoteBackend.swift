import CairnAPI
import CairnArtifacts
import CairnCore
import CairnServing
import Foundation

/// Commands answered by a running server over MLflow's REST API, as `MLFLOW_TRACKING_URI` works for MLflow.
struct RemoteBackend: TrackingBackend {
    let baseURL: URL

    private func call<Response: Decodable>(
        _ method: String, _ path: String, query: [(String, String)] = [], body: [String: any Sendable]? = nil,
        as type: Response.Type
    ) async throws -> Response {
        try await call(method, Routes.mlflow + path, query: query, data: try body.map { try JSONSerialization.data(withJSONObject: $0) }, as: type)
    }

    /// Sends a request to `path` (under the server's base URL) and decodes the answer; an error answer in MLflow's
    /// shape becomes the matching ``CairnError``.
    func call<Response: Decodable>(
        _ method: String, _ path: String, query: [(String, String)] = [], data: Data?, as type: Response.Type
    ) async throws -> Response {
        let data = try await body(method, path, query: query, data: data)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(Response.self, from: data.isEmpty ? Data("{}".utf8) : data)
    }

    /// Sends a request to `path`, with `data` (if any) as a body of `contentType`, and returns the body of a 200 answer
    /// as it is (an HTML page, say); an error answer becomes the matching ``CairnError``.
    func body(
        _ method: String, _ path: String, query: [(String, String)] = [], data: Data?, contentType: String = "application/json"
    ) async throws -> Data {
        var components = URLComponents(url: baseURL.appendingPathComponent(path), resolvingAgainstBaseURL: false)!
        if !query.isEmpty { components.queryItems = query.map { URLQueryItem(name: $0.0, value: $0.1) } }
        let (status, answer): (Int, Data)
        do {
            (status, answer) = try await HTTPTransfer.send(method, to: components.url!, contentType: data == nil ? nil : contentType, body: data)
        } catch let error as CairnError {
            throw error
        } catch {
            throw CairnError(.unavailable, "Cannot reach the tracking server at \(baseURL): \(HTTPTransfer.reason(error))")
        }
        guard status == 200 else {
            let body = try? JSONDecoder().decode(MLflowErrorBody.self, from: answer)
            let message = body?.message ?? "HTTP \(status)"
            switch body?.error_code {
            case "RESOURCE_DOES_NOT_EXIST": throw CairnError.notFound(message)
            case "RESOURCE_ALREADY_EXISTS": throw CairnError.alreadyExists(message)
            case "INVALID_PARAMETER_VALUE": throw CairnError.invalid(message)
            default: throw CairnError(status == 503 ? .unavailable : .internal, message)
            }
        }
        return answer
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

    func startRun(experimentName: String?, runName: String?, tags: [MLflowKeyValue]) async throws -> MLflowRunInfo {
        let experimentID = try await experimentID(orCreating: experimentName)
        var body: [String: any Sendable] = [
            "experiment_id": experimentID, "start_time": SystemClock().nowMillis(),
            "tags": tags.map { ["key": $0.key, "value": $0.value ?? ""] },
        ]
        if let user = ProcessInfo.processInfo.environment["USER"] { body["user_id"] = user }
        if let runName { body["run_name"] = runName }
        return try await call("POST", "/runs/create", body: body, as: MLflowRunResponse.self).run.info
    }

    func logBatch(runID: String, metrics: [MLflowMetric], params: [MLflowKeyValue], tags: [MLflowKeyValue]) async throws {
        let body: [String: any Sendable] = [
            "run_id": runID,
            "metrics": metrics.map { ["key": $0.key, "value": $0.value, "timestamp": $0.timestamp, "step": $0.step] as [String: any Sendable] },
            "params": params.map { ["key": $0.key, "value": $0.value ?? ""] },
            "tags": tags.map { ["key": $0.key, "value": $0.value ?? ""] },
        ]
        _ = try await call("POST", "/runs/log-batch", body: body, as: MLflowEmptyResponse.self)
    }

    func logDataset(runID: String, dataset: MLflowDataset, context: String) async throws {
        var fields: [String: any Sendable] = [
            "name": dataset.name, "digest": dataset.digest, "source_type": dataset.source_type, "source": dataset.source,
        ]
        if let schema = dataset.schema { fields["schema"] = schema }
        if let profile = dataset.profile { fields["profile"] = profile }
        let input: [String: any Sendable] = ["tags": [["key": "mlflow.data.context", "value": context]], "dataset": fields]
        _ = try await call("POST", "/runs/log-inputs", body: ["run_id": runID, "datasets": [input]], as: MLflowEmptyResponse.self)
    }

    func uploadArtifact(artifactURI: String, name: String, data: Data) async throws {
        guard let base = try ArtifactPath.proxied(artifactURI) else {
            throw CairnError.invalid("Cannot upload to '\(artifactURI)': the server proxies only mlflow-artifacts: locations")
        }
        _ = try await body(
            "PUT", Routes.mlflowArtifacts + "/artifacts/" + base.appending(try ArtifactPath(name)).description, data: data,
            contentType: "application/octet-stream")
    }

    func endRun(runID: String, status: String) async throws {
        _ = try await call(
            "POST", "/runs/update", body: ["run_id": runID, "status": status, "end_time": SystemClock().nowMillis()],
            as: MLflowUpdateRunResponse.self)
    }

    func registerModel(name: String, source: String, runID: String) async throws -> MLflowModelVersion {
        do {
            _ = try await call("POST", "/registered-models/create", body: ["name": name], as: MLflowRegisteredModelResponse.self)
        } catch let error as CairnError where error.code == .alreadyExists {}
        return try await call(
            "POST", "/model-versions/create", body: ["name": name, "source": source, "run_id": runID], as: MLflowModelVersionResponse.self
        ).model_version
    }

    func runArtifactLocation(runID: String) async throws -> String {
        try await run(id: runID).info.artifact_uri ?? ""
    }

    func registeredVersion(name: String, selector: ModelSelector) async throws -> RegisteredLocation {
        let version: String
        switch selector {
        case .version(let number): version = number
        case .alias(let alias):
            version = try await call(
                "GET", "/registered-models/alias", query: [("name", name), ("alias", alias)], as: MLflowModelVersionResponse.self
            ).model_version.version
        case .stage(let stage):
            let latest = try await call(
                "POST", "/registered-models/get-latest-versions", body: ["name": name, "stages": [stage]], as: MLflowModelVersionsResponse.self)
            guard let first = latest.model_versions?.first else {
                throw CairnError.notFound("Registered model '\(name)' has no version in stage \(stage)")
            }
            version = first.version
        }
        let location = try await call(
            "GET", "/model-versions/get-download-uri", query: [("name", name), ("version", version)], as: MLflowDownloadURIResponse.self
        ).artifact_uri
        return RegisteredLocation(version: version, location: location)
    }

    func loggedModelLocation(id: String) async throws -> String {
        try await call("GET", "/logged-models/\(id)", as: MLflowLoggedModelResponse.self).model.info.artifact_uri
    }

    func localCopy(of location: String) async throws -> URL {
        guard let base = try ArtifactPath.proxied(location) else {
            throw CairnError.invalid("Cannot download '\(location)': the server proxies only mlflow-artifacts: locations")
        }
        let target = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-download-\(UUID().uuidString)")
        try await download(base, to: target)
        return target
    }

    /// Downloads the artifact file or directory at `path` to `target`, through the server's artifact proxy: a
    /// directory's listing is followed file by file; an error answer from either request is the server's error.
    private func download(_ path: ArtifactPath, to target: URL) async throws {
        let proxy = Routes.mlflowArtifacts + "/artifacts"
        let listing = try await body("GET", proxy, query: [("path", path.description)], data: nil)
        let files = (try? JSONDecoder().decode(MLflowListArtifactsResponse.self, from: listing))?.files ?? []
        if files.isEmpty {
            let data: Data
            do {
                data = try await body("GET", proxy + "/" + path.description, data: nil)
            } catch let error as CairnError where error.code == .notFound {
                throw CairnError.notFound("No artifacts at '\(path)'")
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
            return
        }
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        for file in files {
            try await download(path.appending(try ArtifactPath(file.path)), to: target.appendingPathComponent(file.path))
        }
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
