import CairnCore
import CairnRegistry
import CairnTracking

/// Domain values from table rows, the same for both databases.
package enum RowMapping {
    package static func experiment(_ row: SQLRow, tags: [KeyValue]) -> Experiment {
        Experiment(
            id: row.text("experiment_id") ?? "", name: row.text("name") ?? "", artifactLocation: row.text("artifact_location") ?? "",
            lifecycleStage: LifecycleStage(rawValue: row.text("lifecycle_stage") ?? "") ?? .active,
            creationTime: row.integer("creation_time") ?? 0, lastUpdateTime: row.integer("last_update_time") ?? 0, tags: tags)
    }

    package static func runInfo(_ row: SQLRow) -> RunInfo {
        RunInfo(
            runID: row.text("run_id") ?? "", runName: row.text("name") ?? "", experimentID: row.text("experiment_id") ?? "",
            userID: row.text("user_id") ?? "", status: RunStatus(rawValue: row.text("status") ?? "") ?? .running,
            startTime: row.integer("start_time") ?? 0, endTime: row.integer("end_time"), artifactURI: row.text("artifact_uri") ?? "",
            lifecycleStage: LifecycleStage(rawValue: row.text("lifecycle_stage") ?? "") ?? .active)
    }

    package static func metric(_ row: SQLRow) -> Metric {
        let isNaN = (row.integer("is_nan") ?? 0) != 0
        return Metric(
            key: row.text("key") ?? "", value: isNaN ? .nan : row.real("value") ?? 0, timestamp: row.integer("timestamp") ?? 0,
            step: row.integer("step") ?? 0, datasetName: row.text("dataset_name"), datasetDigest: row.text("dataset_digest"),
            modelID: row.text("model_id"))
    }

    package static func datasetInput(_ row: SQLRow) -> DatasetInput {
        DatasetInput(
            dataset: Dataset(
                name: row.text("name") ?? "", digest: row.text("digest") ?? "", sourceType: row.text("source_type") ?? "",
                source: row.text("source") ?? "", schema: row.text("schema"), profile: row.text("profile")),
            tags: DatasetRows.tags(json: row.text("tags") ?? "[]"))
    }

    package static func modelOutput(_ row: SQLRow) -> ModelOutput {
        ModelOutput(modelID: row.text("model_id") ?? "", step: row.integer("step") ?? 0)
    }

    package static func loggedModel(_ row: SQLRow, tags: [KeyValue], params: [KeyValue], metrics: [Metric]) -> LoggedModel {
        LoggedModel(
            modelID: row.text("model_id") ?? "", experimentID: row.text("experiment_id") ?? "", name: row.text("name") ?? "",
            creationTimestampMs: row.integer("creation_timestamp") ?? 0, lastUpdatedTimestampMs: row.integer("last_updated_timestamp") ?? 0,
            artifactURI: row.text("artifact_uri") ?? "", status: LoggedModelStatus(rawValue: row.text("status") ?? "") ?? .unspecified,
            statusMessage: row.text("status_message"), creatorID: row.text("creator_id"), modelType: row.text("model_type"),
            sourceRunID: row.text("source_run_id"), tags: tags, params: params, metrics: metrics)
    }

    package static func modelVersion(_ row: SQLRow, tags: [KeyValue], aliases: [String]) -> ModelVersion {
        ModelVersion(
            name: row.text("name") ?? "", version: Int(row.integer("version") ?? 0), creationTimestamp: row.integer("creation_timestamp") ?? 0,
            lastUpdatedTimestamp: row.integer("last_updated_timestamp") ?? 0, userID: row.text("user_id"),
            currentStage: ModelStage(rawValue: row.text("current_stage") ?? "") ?? .none, description: row.text("description"),
            source: row.text("source") ?? "", storageLocation: row.text("storage_location") ?? "", runID: row.text("run_id"),
            runLink: row.text("run_link"), modelID: row.text("model_id"), tags: tags, aliases: aliases)
    }

    package static func registeredModel(
        _ row: SQLRow, latestVersions: [ModelVersion], tags: [KeyValue], aliases: [ModelAlias]
    ) -> RegisteredModel {
        RegisteredModel(
            name: row.text("name") ?? "", creationTimestamp: row.integer("creation_timestamp") ?? 0,
            lastUpdatedTimestamp: row.integer("last_updated_timestamp") ?? 0, userID: row.text("user_id"),
            description: row.text("description"), latestVersions: latestVersions,
            tags: tags.map { KeyValue(key: $0.key, value: $0.value) }, aliases: aliases)
    }
}
