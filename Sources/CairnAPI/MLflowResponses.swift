// Response envelopes of MLflow's REST API.

public struct MLflowExperimentResponse: Codable, Sendable {
    public var experiment: MLflowExperiment
    public init(experiment: MLflowExperiment) { self.experiment = experiment }
}

public struct MLflowCreateExperimentResponse: Codable, Sendable {
    public var experiment_id: String
    public init(experiment_id: String) { self.experiment_id = experiment_id }
}

public struct MLflowSearchExperimentsResponse: Codable, Sendable {
    public var experiments: [MLflowExperiment]?
    public var next_page_token: String?
    public init(experiments: [MLflowExperiment]?, next_page_token: String?) {
        self.experiments = experiments
        self.next_page_token = next_page_token
    }
}

public struct MLflowRunResponse: Codable, Sendable {
    public var run: MLflowRun
    public init(run: MLflowRun) { self.run = run }
}

public struct MLflowUpdateRunResponse: Codable, Sendable {
    public var run_info: MLflowRunInfo
    public init(run_info: MLflowRunInfo) { self.run_info = run_info }
}

public struct MLflowSearchRunsResponse: Codable, Sendable {
    public var runs: [MLflowRun]?
    public var next_page_token: String?
    public init(runs: [MLflowRun]?, next_page_token: String?) {
        self.runs = runs
        self.next_page_token = next_page_token
    }
}

public struct MLflowMetricHistoryResponse: Codable, Sendable {
    public var metrics: [MLflowMetric]?
    public var next_page_token: String?
    public init(metrics: [MLflowMetric]?, next_page_token: String?) {
        self.metrics = metrics
        self.next_page_token = next_page_token
    }
}

public struct MLflowListArtifactsResponse: Codable, Sendable {
    public var root_uri: String?
    public var files: [MLflowFileInfo]?
    public var next_page_token: String?
    public init(root_uri: String?, files: [MLflowFileInfo]?, next_page_token: String? = nil) {
        self.root_uri = root_uri
        self.files = files
        self.next_page_token = next_page_token
    }
}

public struct MLflowLoggedModelResponse: Codable, Sendable {
    public var model: MLflowLoggedModel
    public init(model: MLflowLoggedModel) { self.model = model }
}

public struct MLflowSearchLoggedModelsResponse: Codable, Sendable {
    public var models: [MLflowLoggedModel]?
    public var next_page_token: String?
    public init(models: [MLflowLoggedModel]?, next_page_token: String?) {
        self.models = models
        self.next_page_token = next_page_token
    }
}

public struct MLflowRegisteredModelResponse: Codable, Sendable {
    public var registered_model: MLflowRegisteredModel
    public init(registered_model: MLflowRegisteredModel) { self.registered_model = registered_model }
}

public struct MLflowSearchRegisteredModelsResponse: Codable, Sendable {
    public var registered_models: [MLflowRegisteredModel]?
    public var next_page_token: String?
    public init(registered_models: [MLflowRegisteredModel]?, next_page_token: String?) {
        self.registered_models = registered_models
        self.next_page_token = next_page_token
    }
}

public struct MLflowModelVersionResponse: Codable, Sendable {
    public var model_version: MLflowModelVersion
    public init(model_version: MLflowModelVersion) { self.model_version = model_version }
}

public struct MLflowModelVersionsResponse: Codable, Sendable {
    public var model_versions: [MLflowModelVersion]?
    public var next_page_token: String?
    public init(model_versions: [MLflowModelVersion]?, next_page_token: String? = nil) {
        self.model_versions = model_versions
        self.next_page_token = next_page_token
    }
}

public struct MLflowDownloadURIResponse: Codable, Sendable {
    public var artifact_uri: String
    public init(artifact_uri: String) { self.artifact_uri = artifact_uri }
}

/// An empty JSON object, the answer of RPCs with no return fields.
public struct MLflowEmptyResponse: Codable, Sendable {
    public init() {}
}
