import CairnAPI
import CairnCore
import CairnRegistry
import CairnTracking

/// Conversions from domain values to MLflow wire types (used by the server and by the CLI on a local store).
public enum MLflowMapping {
    public static func keyValues(_ pairs: [KeyValue]) -> [MLflowKeyValue] { pairs.map { MLflowKeyValue(key: $0.key, value: $0.value) } }

    public static func experiment(_ experiment: Experiment) -> MLflowExperiment {
        MLflowExperiment(
            experiment_id: experiment.id, name: experiment.name, artifact_location: experiment.artifactLocation,
            lifecycle_stage: experiment.lifecycleStage.rawValue, creation_time: experiment.creationTime,
            last_update_time: experiment.lastUpdateTime, tags: keyValues(experiment.tags))
    }

    public static func metric(_ metric: Metric, runID: String? = nil) -> MLflowMetric {
        MLflowMetric(
            key: metric.key, value: metric.value, timestamp: metric.timestamp, step: metric.step,
            dataset_name: metric.datasetName, dataset_digest: metric.datasetDigest, model_id: metric.modelID, run_id: runID)
    }

    public static func runInfo(_ info: RunInfo) -> MLflowRunInfo {
        MLflowRunInfo(
            run_id: info.runID, run_name: info.runName, experiment_id: info.experimentID, user_id: info.userID,
            status: info.status.rawValue, start_time: info.startTime, end_time: info.endTime,
            artifact_uri: info.artifactURI, lifecycle_stage: info.lifecycleStage.rawValue)
    }

    public static func run(_ run: Run) -> MLflowRun {
        let datasets = run.datasetInputs.map { input in
            MLflowDatasetInput(
                tags: keyValues(input.tags),
                dataset: MLflowDataset(
                    name: input.dataset.name, digest: input.dataset.digest, source_type: input.dataset.sourceType,
                    source: input.dataset.source, schema: input.dataset.schema, profile: input.dataset.profile))
        }
        return MLflowRun(
            info: runInfo(run.info),
            data: MLflowRunData(
                metrics: run.metrics.map { metric($0, runID: run.info.runID) }, params: keyValues(run.params),
                tags: keyValues(run.tags)),
            inputs: MLflowRunInputs(
                dataset_inputs: datasets.isEmpty ? nil : datasets,
                model_inputs: run.modelInputs.isEmpty ? nil : run.modelInputs.map(MLflowModelInput.init)),
            outputs: MLflowRunOutputs(
                model_outputs: run.modelOutputs.isEmpty ? nil : run.modelOutputs.map { MLflowModelOutput(model_id: $0.modelID, step: $0.step) }))
    }

    public static func loggedModel(_ model: LoggedModel) -> MLflowLoggedModel {
        MLflowLoggedModel(
            info: MLflowLoggedModelInfo(
                model_id: model.modelID, experiment_id: model.experimentID, name: model.name,
                creation_timestamp_ms: model.creationTimestampMs, last_updated_timestamp_ms: model.lastUpdatedTimestampMs,
                artifact_uri: model.artifactURI, status: model.status.rawValue, status_message: model.statusMessage,
                creator_id: model.creatorID, model_type: model.modelType, source_run_id: model.sourceRunID,
                tags: keyValues(model.tags)),
            data: MLflowLoggedModelData(params: keyValues(model.params), metrics: model.metrics.map { metric($0) }))
    }

    public static func registryTags(_ tags: [KeyValue]) -> [MLflowKeyValue] { tags.map { MLflowKeyValue(key: $0.key, value: $0.value) } }

    public static func modelVersion(_ version: ModelVersion) -> MLflowModelVersion {
        MLflowModelVersion(
            name: version.name, version: String(version.version), creation_timestamp: version.creationTimestamp,
            last_updated_timestamp: version.lastUpdatedTimestamp, user_id: version.userID,
            current_stage: version.currentStage.rawValue, description: version.description, source: version.source,
            run_id: version.runID, status: "READY", status_message: nil, tags: registryTags(version.tags),
            run_link: version.runLink, aliases: version.aliases, model_id: version.modelID)
    }

    public static func registeredModel(_ model: RegisteredModel) -> MLflowRegisteredModel {
        MLflowRegisteredModel(
            name: model.name, creation_timestamp: model.creationTimestamp, last_updated_timestamp: model.lastUpdatedTimestamp,
            user_id: model.userID, description: model.description,
            latest_versions: model.latestVersions.isEmpty ? nil : model.latestVersions.map(modelVersion),
            tags: registryTags(model.tags),
            aliases: model.aliases.map { MLflowAlias(alias: $0.alias, version: String($0.version)) })
    }
}
