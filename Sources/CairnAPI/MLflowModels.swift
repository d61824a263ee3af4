// Wire types of MLflow's logged models and model registry.

/// Logged model metadata.
public struct MLflowLoggedModelInfo: Codable, Sendable {
    public var model_id: String
    public var experiment_id: String
    public var name: String
    public var creation_timestamp_ms: Int64
    public var last_updated_timestamp_ms: Int64
    public var artifact_uri: String
    public var status: String
    public var status_message: String?
    public var creator_id: String?
    public var model_type: String?
    public var source_run_id: String?
    public var tags: [MLflowKeyValue]?

    public init(
        model_id: String, experiment_id: String, name: String, creation_timestamp_ms: Int64,
        last_updated_timestamp_ms: Int64, artifact_uri: String, status: String, status_message: String?,
        creator_id: String?, model_type: String?, source_run_id: String?, tags: [MLflowKeyValue]?
    ) {
        self.model_id = model_id
        self.experiment_id = experiment_id
        self.name = name
        self.creation_timestamp_ms = creation_timestamp_ms
        self.last_updated_timestamp_ms = last_updated_timestamp_ms
        self.artifact_uri = artifact_uri
        self.status = status
        self.status_message = status_message
        self.creator_id = creator_id
        self.model_type = model_type
        self.source_run_id = source_run_id
        self.tags = tags
    }
}

/// Logged model params and metrics.
public struct MLflowLoggedModelData: Codable, Sendable {
    public var params: [MLflowKeyValue]?
    public var metrics: [MLflowMetric]?
    public init(params: [MLflowKeyValue]?, metrics: [MLflowMetric]?) {
        self.params = params
        self.metrics = metrics
    }
}

/// A logged model.
public struct MLflowLoggedModel: Codable, Sendable {
    public var info: MLflowLoggedModelInfo
    public var data: MLflowLoggedModelData
    public init(info: MLflowLoggedModelInfo, data: MLflowLoggedModelData) {
        self.info = info
        self.data = data
    }
}

/// An alias of a registered model.
public struct MLflowAlias: Codable, Sendable {
    public var alias: String
    public var version: String
    public init(alias: String, version: String) {
        self.alias = alias
        self.version = version
    }
}

/// A model version.
public struct MLflowModelVersion: Codable, Sendable {
    public var name: String
    public var version: String
    public var creation_timestamp: Int64
    public var last_updated_timestamp: Int64
    public var user_id: String?
    public var current_stage: String
    public var description: String?
    public var source: String
    public var run_id: String?
    public var status: String
    public var status_message: String?
    public var tags: [MLflowKeyValue]?
    public var run_link: String?
    public var aliases: [String]?
    public var model_id: String?

    public init(
        name: String, version: String, creation_timestamp: Int64, last_updated_timestamp: Int64, user_id: String?,
        current_stage: String, description: String?, source: String, run_id: String?, status: String,
        status_message: String?, tags: [MLflowKeyValue]?, run_link: String?, aliases: [String]?, model_id: String?
    ) {
        self.name = name
        self.version = version
        self.creation_timestamp = creation_timestamp
        self.last_updated_timestamp = last_updated_timestamp
        self.user_id = user_id
        self.current_stage = current_stage
        self.description = description
        self.source = source
        self.run_id = run_id
        self.status = status
        self.status_message = status_message
        self.tags = tags
        self.run_link = run_link
        self.aliases = aliases
        self.model_id = model_id
    }
}

/// A registered model.
public struct MLflowRegisteredModel: Codable, Sendable {
    public var name: String
    public var creation_timestamp: Int64
    public var last_updated_timestamp: Int64
    public var user_id: String?
    public var description: String?
    public var latest_versions: [MLflowModelVersion]?
    public var tags: [MLflowKeyValue]?
    public var aliases: [MLflowAlias]?

    public init(
        name: String, creation_timestamp: Int64, last_updated_timestamp: Int64, user_id: String?, description: String?,
        latest_versions: [MLflowModelVersion]?, tags: [MLflowKeyValue]?, aliases: [MLflowAlias]?
    ) {
        self.name = name
        self.creation_timestamp = creation_timestamp
        self.last_updated_timestamp = last_updated_timestamp
        self.user_id = user_id
        self.description = description
        self.latest_versions = latest_versions
        self.tags = tags
        self.aliases = aliases
    }
}
