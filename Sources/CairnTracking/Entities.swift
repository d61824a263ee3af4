import CairnCore

/// Whether an entity is live or soft-deleted. Independent of a run's status.
public enum LifecycleStage: String, Sendable, Codable {
    case active, deleted
}

/// Which lifecycle stages a search returns.
public enum ViewType: String, Sendable {
    case activeOnly = "ACTIVE_ONLY"
    case deletedOnly = "DELETED_ONLY"
    case all = "ALL"

    /// The stages this view includes.
    public var stages: [LifecycleStage] {
        switch self {
        case .activeOnly: [.active]
        case .deletedOnly: [.deleted]
        case .all: [.active, .deleted]
        }
    }
}

/// A named group of runs.
public struct Experiment: Sendable, Hashable {
    public var id: String
    public var name: String
    public var artifactLocation: String
    public var lifecycleStage: LifecycleStage
    public var creationTime: Int64
    public var lastUpdateTime: Int64
    public var tags: [KeyValue]

    public init(
        id: String, name: String, artifactLocation: String, lifecycleStage: LifecycleStage, creationTime: Int64,
        lastUpdateTime: Int64, tags: [KeyValue]
    ) {
        self.id = id
        self.name = name
        self.artifactLocation = artifactLocation
        self.lifecycleStage = lifecycleStage
        self.creationTime = creationTime
        self.lastUpdateTime = lastUpdateTime
        self.tags = tags
    }
}

/// The execution status of a run (independent of its lifecycle stage).
public enum RunStatus: String, Sendable, CaseIterable {
    case running = "RUNNING"
    case scheduled = "SCHEDULED"
    case finished = "FINISHED"
    case failed = "FAILED"
    case killed = "KILLED"
}

/// One logged value of a metric.
public struct Metric: Sendable, Hashable {
    public var key: String
    public var value: Double
    public var timestamp: Int64
    public var step: Int64
    public var datasetName: String?
    public var datasetDigest: String?
    public var modelID: String?

    public init(
        key: String, value: Double, timestamp: Int64, step: Int64, datasetName: String? = nil,
        datasetDigest: String? = nil, modelID: String? = nil
    ) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
        self.datasetName = datasetName
        self.datasetDigest = datasetDigest
        self.modelID = modelID
    }
}

/// The identity and lifecycle of a run.
public struct RunInfo: Sendable, Hashable {
    public var runID: String
    public var runName: String
    public var experimentID: String
    public var userID: String
    public var status: RunStatus
    public var startTime: Int64
    public var endTime: Int64?
    public var artifactURI: String
    public var lifecycleStage: LifecycleStage

    public init(
        runID: String, runName: String, experimentID: String, userID: String, status: RunStatus, startTime: Int64,
        endTime: Int64?, artifactURI: String, lifecycleStage: LifecycleStage
    ) {
        self.runID = runID
        self.runName = runName
        self.experimentID = experimentID
        self.userID = userID
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.artifactURI = artifactURI
        self.lifecycleStage = lifecycleStage
    }
}

/// A dataset a run consumed.
public struct Dataset: Sendable, Hashable {
    public var name: String
    public var digest: String
    public var sourceType: String
    public var source: String
    public var schema: String?
    public var profile: String?

    public init(name: String, digest: String, sourceType: String, source: String, schema: String?, profile: String?) {
        self.name = name
        self.digest = digest
        self.sourceType = sourceType
        self.source = source
        self.schema = schema
        self.profile = profile
    }
}

/// A dataset input with its tags (the context, such as `training`, is tag `mlflow.data.context`).
public struct DatasetInput: Sendable, Hashable {
    public var dataset: Dataset
    public var tags: [KeyValue]

    public init(dataset: Dataset, tags: [KeyValue]) {
        self.dataset = dataset
        self.tags = tags
    }
}

/// A logged model a run produced at a step.
public struct ModelOutput: Sendable, Hashable {
    public var modelID: String
    public var step: Int64

    public init(modelID: String, step: Int64) {
        self.modelID = modelID
        self.step = step
    }
}

/// A run with its latest metrics, params, tags, inputs and outputs.
public struct Run: Sendable, Hashable {
    public var info: RunInfo
    /// The latest value of each metric: greatest step, then timestamp, then value.
    public var metrics: [Metric]
    public var params: [KeyValue]
    public var tags: [KeyValue]
    public var datasetInputs: [DatasetInput]
    public var modelInputs: [String]
    public var modelOutputs: [ModelOutput]

    public init(
        info: RunInfo, metrics: [Metric] = [], params: [KeyValue] = [], tags: [KeyValue] = [],
        datasetInputs: [DatasetInput] = [], modelInputs: [String] = [], modelOutputs: [ModelOutput] = []
    ) {
        self.info = info
        self.metrics = metrics
        self.params = params
        self.tags = tags
        self.datasetInputs = datasetInputs
        self.modelInputs = modelInputs
        self.modelOutputs = modelOutputs
    }
}

/// The state of a logged model's upload.
public enum LoggedModelStatus: String, Sendable, CaseIterable {
    case unspecified = "LOGGED_MODEL_STATUS_UNSPECIFIED"
    case pending = "LOGGED_MODEL_PENDING"
    case ready = "LOGGED_MODEL_READY"
    case uploadFailed = "LOGGED_MODEL_UPLOAD_FAILED"
}

/// A model logged by `log_model`: its own artifact location, params, tags and metrics (MLflow 3).
public struct LoggedModel: Sendable, Hashable {
    public var modelID: String
    public var experimentID: String
    public var name: String
    public var creationTimestampMs: Int64
    public var lastUpdatedTimestampMs: Int64
    public var artifactURI: String
    public var status: LoggedModelStatus
    public var statusMessage: String?
    public var creatorID: String?
    public var modelType: String?
    public var sourceRunID: String?
    public var tags: [KeyValue]
    public var params: [KeyValue]
    public var metrics: [Metric]

    public init(
        modelID: String, experimentID: String, name: String, creationTimestampMs: Int64,
        lastUpdatedTimestampMs: Int64, artifactURI: String, status: LoggedModelStatus, statusMessage: String? = nil,
        creatorID: String? = nil, modelType: String? = nil, sourceRunID: String? = nil, tags: [KeyValue] = [],
        params: [KeyValue] = [], metrics: [Metric] = []
    ) {
        self.modelID = modelID
        self.experimentID = experimentID
        self.name = name
        self.creationTimestampMs = creationTimestampMs
        self.lastUpdatedTimestampMs = lastUpdatedTimestampMs
        self.artifactURI = artifactURI
        self.status = status
        self.statusMessage = statusMessage
        self.creatorID = creatorID
        self.modelType = modelType
        self.sourceRunID = sourceRunID
        self.tags = tags
        self.params = params
        self.metrics = metrics
    }
}
