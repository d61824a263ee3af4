import CairnCore

extension TrackingService {
    /// Creates a run in an active experiment, named from `runName`, the `mlflow.runName` tag, or at random.
    /// - Throws: `invalidArgument` when the experiment is not active or the name and tag disagree; `notFound`.
    public func createRun(
        experimentID: String?, userID: String?, runName: String?, startTime: Int64?, tags: [KeyValue]
    ) async throws -> Run {
        let experiment = try await activeExperimentForRun(id: experimentID ?? "0")
        let runNameTag = tags.last { $0.key == RunTags.runName }?.value
        if let runName, !runName.isEmpty, let runNameTag, runNameTag != runName {
            throw CairnError.invalid(
                "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='\(runName)', mlflow.runName='\(runNameTag)').")
        }
        for tag in tags { try Self.validateRunTag(tag) }
        let name = runName.flatMap { $0.isEmpty ? nil : $0 } ?? runNameTag ?? RunNames.random()
        var allTags = tags.filter { $0.key != RunTags.runName }.map(Self.truncated)
        allTags.append(KeyValue(key: RunTags.runName, value: name))
        let runID = Identifiers.hex32()
        let info = RunInfo(
            runID: runID, runName: name, experimentID: experiment.id, userID: userID ?? "", status: .running,
            startTime: startTime ?? clock.nowMillis(), endTime: nil,
            artifactURI: "\(experiment.artifactLocation)/\(runID)/artifacts", lifecycleStage: .active)
        let run = Run(info: info, tags: allTags)
        try await runs.createRun(run)
        return run
    }

    /// The run with this id, active or deleted. - Throws: `notFound`.
    public func run(id: String) async throws -> Run {
        guard let run = try await runs.run(id: id) else {
            throw CairnError.notFound("Run with id=\(id) not found")
        }
        return run
    }

    /// Updates status, end time and name of an active run. - Returns: the updated run info.
    public func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws -> RunInfo {
        try await activeRun(id: id)
        let name = runName.flatMap { $0.isEmpty ? nil : $0 }
        try await runs.updateRun(id: id, status: status, endTime: endTime, runName: name)
        return try await run(id: id).info
    }

    /// Soft-deletes a run.
    public func deleteRun(id: String) async throws {
        _ = try await run(id: id)
        try await runs.setRunStage(id: id, stage: .deleted)
    }

    /// Restores a deleted run.
    public func restoreRun(id: String) async throws {
        _ = try await run(id: id)
        try await runs.setRunStage(id: id, stage: .active)
    }

    /// Logs one metric value. ±Infinity is stored as ±`Double.greatestFiniteMagnitude`, as MLflow does.
    public func logMetric(runID: String, metric: Metric) async throws {
        try await logBatch(runID: runID, metrics: [metric], params: [], tags: [])
    }

    /// Logs one param; the same value again is accepted, a different one is refused.
    public func logParam(runID: String, param: KeyValue) async throws {
        try await logBatch(runID: runID, metrics: [], params: [param], tags: [])
    }

    /// Sets one tag; `mlflow.runName` renames the run.
    public func setTag(runID: String, tag: KeyValue) async throws {
        try await logBatch(runID: runID, metrics: [], params: [], tags: [tag])
    }

    /// Deletes a tag of an active run. - Throws: `notFound` when the tag does not exist.
    public func deleteTag(runID: String, key: String) async throws {
        try await activeRun(id: runID)
        guard try await runs.deleteRunTag(runID: runID, key: key) else {
            throw CairnError.notFound("No tag with name: \(key) in run with id \(runID)")
        }
    }

    /// Logs metrics, params and tags to an active run in one transaction, with MLflow's limits.
    /// - Throws: `invalidArgument` for a limit, a bad key, a repeated param key, or a changed param value.
    public func logBatch(runID: String, metrics: [Metric], params: [KeyValue], tags: [KeyValue]) async throws {
        try Validation.runID(runID)
        try Self.validateBatchSizes(metrics: metrics.count, params: params.count, tags: tags.count)
        for metric in metrics {
            try Validation.entityKey(metric.key, kind: "metric")
            guard metric.timestamp >= 0 else {
                throw CairnError.invalid("Invalid value \(metric.timestamp) for parameter 'timestamp' supplied: it must be a non-negative number of milliseconds")
            }
        }
        var seenParams: [String: String] = [:]
        for param in params {
            try Validation.entityKey(param.key, kind: "param")
            if let previous = seenParams.updateValue(param.value, forKey: param.key), previous != param.value {
                throw CairnError.invalid(
                    "Duplicate parameter keys have been submitted: [\(param.key)]. Please ensure the request contains only one param value per param key.")
            }
        }
        for tag in tags { try Self.validateRunTag(tag) }
        try await activeRun(id: runID)
        try await runs.logBatch(
            runID: runID, metrics: metrics.map(Self.storable),
            params: params.map { KeyValue(key: $0.key, value: String($0.value.prefix(TrackingLimits.maxParamValueLength))) },
            tags: tags.map(Self.truncated))
    }

    /// Records dataset and model inputs of an active run.
    public func logInputs(runID: String, datasets: [DatasetInput], modelIDs: [String]) async throws {
        for input in datasets { try Self.validateDatasetInput(input) }
        try await activeRun(id: runID)
        try await runs.logInputs(runID: runID, datasets: datasets, modelIDs: modelIDs)
    }

    /// Records the logged models an active run produced.
    public func logOutputs(runID: String, outputs: [ModelOutput]) async throws {
        try await activeRun(id: runID)
        try await runs.logOutputs(runID: runID, outputs: outputs)
    }

    /// Searches runs with MLflow's filter and order_by grammar.
    public func searchRuns(
        experimentIDs: [String], filter: String?, viewType: ViewType, maxResults: Int?, orderBy: [String],
        pageToken: String?
    ) async throws -> Page<Run> {
        let limit = maxResults ?? TrackingLimits.defaultRunSearchResults
        guard limit >= 1, limit <= TrackingLimits.maxRunSearchResults else {
            throw CairnError.invalid(
                "Invalid value \(limit) for parameter 'max_results' supplied. It must be at most \(TrackingLimits.maxRunSearchResults), and greater than 0")
        }
        for id in experimentIDs { try Validation.experimentID(id) }
        let offset = try PageToken.decode(pageToken)
        let query = RunQuery(
            experimentIDs: experimentIDs, filter: try SearchSchema.runs.validate(SearchGrammar.parseFilter(filter)),
            orderBy: try SearchParsing.orderBy(orderBy, schema: .runs), viewType: viewType, offset: offset, limit: limit)
        if experimentIDs.isEmpty { return Page(items: [], nextPageToken: nil) }
        return PageToken.page(try await runs.searchRuns(query), offset: offset, limit: limit)
    }

    /// A metric's full history, paged. An unknown key or run gives an empty page, as MLflow answers.
    public func metricHistory(runID: String, key: String, maxResults: Int?, pageToken: String?) async throws -> Page<Metric> {
        if let maxResults, maxResults < 1 {
            throw CairnError.invalid("max_results must be at least 1, got \(maxResults)")
        }
        let offset = try PageToken.decode(pageToken)
        let limit = maxResults ?? Int(Int32.max)
        return PageToken.page(try await runs.metricHistory(runID: runID, key: key, offset: offset, limit: limit), offset: offset, limit: limit)
    }

    // MARK: Rules

    func activeRun(id: String) async throws {
        guard let stage = try await runs.runStage(id: id) else {
            throw CairnError.notFound("Run with id=\(id) not found")
        }
        guard stage == .active else {
            throw CairnError.invalid("The run \(id) must be in the 'active' state. Current state is \(stage.rawValue).")
        }
    }

    private func activeExperimentForRun(id: String) async throws -> Experiment {
        let experiment = try await experiment(id: id)
        guard experiment.lifecycleStage == .active else {
            throw CairnError.invalid("The experiment \(id) must be in the 'active' state. Current state is \(experiment.lifecycleStage.rawValue).")
        }
        return experiment
    }

    static func validateBatchSizes(metrics: Int, params: Int, tags: Int) throws(CairnError) {
        let limits = [
            ("metrics", metrics, TrackingLimits.maxBatchMetrics), ("params", params, TrackingLimits.maxBatchParams),
            ("tags", tags, TrackingLimits.maxBatchTags),
        ]
        for (name, count, limit) in limits where count > limit {
            throw .invalid(
                "A batch logging request can contain at most \(limit) \(name). Got \(count) \(name). Please split up \(name) across multiple requests and try again.")
        }
        let total = metrics + params + tags
        if total > TrackingLimits.maxBatchEntities {
            throw .invalid(
                "A batch logging request can contain at most \(TrackingLimits.maxBatchEntities) metrics, params, and tags in total. Got \(total) total.")
        }
    }

    static func validateRunTag(_ tag: KeyValue) throws(CairnError) {
        try Validation.entityKey(tag.key, kind: "tag")
    }

    static func validateDatasetInput(_ input: DatasetInput) throws(CairnError) {
        let dataset = input.dataset
        guard !dataset.name.isEmpty, !dataset.digest.isEmpty, !dataset.sourceType.isEmpty, !dataset.source.isEmpty else {
            throw .invalid("Dataset name, digest, source_type and source are required")
        }
        try Validation.length(dataset.name, max: TrackingLimits.maxDatasetNameLength, what: "Dataset name")
        try Validation.length(dataset.digest, max: TrackingLimits.maxDatasetDigestLength, what: "Dataset digest")
        try Validation.length(dataset.source, max: TrackingLimits.maxDatasetSourceLength, what: "Dataset source")
        try Validation.length(dataset.schema ?? "", max: TrackingLimits.maxDatasetSchemaLength, what: "Dataset schema")
        try Validation.length(dataset.profile ?? "", max: TrackingLimits.maxDatasetProfileLength, what: "Dataset profile")
        for tag in input.tags {
            try Validation.length(tag.key, max: TrackingLimits.maxInputTagKeyLength, what: "Input tag key")
            try Validation.length(tag.value, max: TrackingLimits.maxInputTagValueLength, what: "Input tag value")
        }
    }

    static func truncated(_ tag: KeyValue) -> KeyValue {
        KeyValue(key: tag.key, value: String(tag.value.prefix(TrackingLimits.maxRunTagValueLength)))
    }

    static func storable(_ metric: Metric) -> Metric {
        var metric = metric
        if metric.value == .infinity { metric.value = .greatestFiniteMagnitude }
        if metric.value == -.infinity { metric.value = -.greatestFiniteMagnitude }
        return metric
    }
}

/// Well-known run tags.
public enum RunTags {
    public static let runName = "mlflow.runName"
    public static let parentRunID = "mlflow.parentRunId"
    public static let user = "mlflow.user"
}
