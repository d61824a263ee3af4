// Wire types of MLflow's REST API (JSON field names are the proto snake_case names, so the properties use them
// verbatim). Unset optionals are omitted on encoding, as MLflow's server does.

/// `{key, value}` as used by tags and params.
public struct MLflowKeyValue: Codable, Sendable, Hashable {
    public var key: String
    public var value: String?

    public init(key: String, value: String?) {
        self.key = key
        self.value = value
    }
}

/// An experiment.
public struct MLflowExperiment: Codable, Sendable {
    public var experiment_id: String
    public var name: String
    public var artifact_location: String
    public var lifecycle_stage: String
    public var creation_time: Int64?
    public var last_update_time: Int64?
    public var tags: [MLflowKeyValue]?

    public init(
        experiment_id: String, name: String, artifact_location: String, lifecycle_stage: String, creation_time: Int64?,
        last_update_time: Int64?, tags: [MLflowKeyValue]?
    ) {
        self.experiment_id = experiment_id
        self.name = name
        self.artifact_location = artifact_location
        self.lifecycle_stage = lifecycle_stage
        self.creation_time = creation_time
        self.last_update_time = last_update_time
        self.tags = tags
    }
}

/// One metric value.
public struct MLflowMetric: Codable, Sendable {
    public var key: String
    public var value: Double
    public var timestamp: Int64
    public var step: Int64
    public var dataset_name: String?
    public var dataset_digest: String?
    public var model_id: String?
    public var run_id: String?

    public init(
        key: String, value: Double, timestamp: Int64, step: Int64, dataset_name: String? = nil,
        dataset_digest: String? = nil, model_id: String? = nil, run_id: String? = nil
    ) {
        self.key = key
        self.value = value
        self.timestamp = timestamp
        self.step = step
        self.dataset_name = dataset_name
        self.dataset_digest = dataset_digest
        self.model_id = model_id
        self.run_id = run_id
    }
}

/// Identity and lifecycle of a run.
public struct MLflowRunInfo: Codable, Sendable {
    public var run_id: String
    public var run_uuid: String
    public var run_name: String?
    public var experiment_id: String
    public var user_id: String?
    public var status: String
    public var start_time: Int64?
    public var end_time: Int64?
    public var artifact_uri: String?
    public var lifecycle_stage: String

    public init(
        run_id: String, run_name: String?, experiment_id: String, user_id: String?, status: String, start_time: Int64?,
        end_time: Int64?, artifact_uri: String?, lifecycle_stage: String
    ) {
        self.run_id = run_id
        self.run_uuid = run_id
        self.run_name = run_name
        self.experiment_id = experiment_id
        self.user_id = user_id
        self.status = status
        self.start_time = start_time
        self.end_time = end_time
        self.artifact_uri = artifact_uri
        self.lifecycle_stage = lifecycle_stage
    }
}

/// Latest metrics, params and tags of a run.
public struct MLflowRunData: Codable, Sendable {
    public var metrics: [MLflowMetric]?
    public var params: [MLflowKeyValue]?
    public var tags: [MLflowKeyValue]?

    public init(metrics: [MLflowMetric]?, params: [MLflowKeyValue]?, tags: [MLflowKeyValue]?) {
        self.metrics = metrics
        self.params = params
        self.tags = tags
    }
}

/// A dataset description.
public struct MLflowDataset: Codable, Sendable {
    public var name: String
    public var digest: String
    public var source_type: String
    public var source: String
    public var schema: String?
    public var profile: String?

    public init(name: String, digest: String, source_type: String, source: String, schema: String?, profile: String?) {
        self.name = name
        self.digest = digest
        self.source_type = source_type
        self.source = source
        self.schema = schema
        self.profile = profile
    }
}

/// A dataset a run consumed, with its tags.
public struct MLflowDatasetInput: Codable, Sendable {
    public var tags: [MLflowKeyValue]?
    public var dataset: MLflowDataset

    public init(tags: [MLflowKeyValue]?, dataset: MLflowDataset) {
        self.tags = tags
        self.dataset = dataset
    }
}

/// A model id as a run input.
public struct MLflowModelInput: Codable, Sendable {
    public var model_id: String
    public init(model_id: String) { self.model_id = model_id }
}

/// A model a run produced at a step.
public struct MLflowModelOutput: Codable, Sendable {
    public var model_id: String
    public var step: Int64
    public init(model_id: String, step: Int64) {
        self.model_id = model_id
        self.step = step
    }
}

/// Inputs of a run.
public struct MLflowRunInputs: Codable, Sendable {
    public var dataset_inputs: [MLflowDatasetInput]?
    public var model_inputs: [MLflowModelInput]?
    public init(dataset_inputs: [MLflowDatasetInput]?, model_inputs: [MLflowModelInput]?) {
        self.dataset_inputs = dataset_inputs
        self.model_inputs = model_inputs
    }
}

/// Outputs of a run.
public struct MLflowRunOutputs: Codable, Sendable {
    public var model_outputs: [MLflowModelOutput]?
    public init(model_outputs: [MLflowModelOutput]?) { self.model_outputs = model_outputs }
}

/// A run.
public struct MLflowRun: Codable, Sendable {
    public var info: MLflowRunInfo
    public var data: MLflowRunData
    public var inputs: MLflowRunInputs
    public var outputs: MLflowRunOutputs

    public init(info: MLflowRunInfo, data: MLflowRunData, inputs: MLflowRunInputs, outputs: MLflowRunOutputs) {
        self.info = info
        self.data = data
        self.inputs = inputs
        self.outputs = outputs
    }
}

/// A file or directory in an artifact listing.
public struct MLflowFileInfo: Codable, Sendable {
    public var path: String
    public var is_dir: Bool
    public var file_size: Int64?

    public init(path: String, is_dir: Bool, file_size: Int64?) {
        self.path = path
        self.is_dir = is_dir
        self.file_size = file_size
    }
}

/// The error body of every MLflow route.
public struct MLflowErrorBody: Codable, Sendable {
    public var error_code: String
    public var message: String

    public init(error_code: String, message: String) {
        self.error_code = error_code
        self.message = message
    }
}
