import CairnCore

/// What a search over runs asks for. Stores return up to `limit + 1` rows so the caller can tell whether
/// another page exists.
public struct RunQuery: Sendable {
    public var experimentIDs: [String]
    /// Validated clauses, all of which must hold (see ``SearchSchema/runs``).
    public var filter: [SearchClause]
    /// Validated ordering keys; the store appends the tie-breaks `start_time DESC, run_id ASC`.
    public var orderBy: [SearchOrder]
    public var viewType: ViewType
    public var offset: Int
    public var limit: Int

    public init(
        experimentIDs: [String], filter: [SearchClause], orderBy: [SearchOrder], viewType: ViewType, offset: Int,
        limit: Int
    ) {
        self.experimentIDs = experimentIDs
        self.filter = filter
        self.orderBy = orderBy
        self.viewType = viewType
        self.offset = offset
        self.limit = limit
    }
}

/// What a search over experiments or logged models asks for.
public struct EntityQuery: Sendable {
    public var filter: [SearchClause]
    public var orderBy: [SearchOrder]
    public var viewType: ViewType
    /// For logged models: the experiments to search; empty for experiments themselves.
    public var experimentIDs: [String]
    public var offset: Int
    public var limit: Int

    public init(
        filter: [SearchClause], orderBy: [SearchOrder], viewType: ViewType = .activeOnly, experimentIDs: [String] = [],
        offset: Int, limit: Int
    ) {
        self.filter = filter
        self.orderBy = orderBy
        self.viewType = viewType
        self.experimentIDs = experimentIDs
        self.offset = offset
        self.limit = limit
    }
}

/// Persistence of experiments.
///
/// Every method is one transaction. Lookups return `nil` for a missing entity rather than throwing.
public protocol ExperimentStore: Sendable {
    /// Inserts an experiment, assigning the next integer id.
    /// - Parameter artifactLocation: the location to store, or `nil` to use `defaultArtifactRoot/<id>`.
    /// - Returns: the new id.
    /// - Throws: `alreadyExists` when the name is taken, by an active or a deleted experiment.
    func createExperiment(
        name: String, artifactLocation: String?, defaultArtifactRoot: String, tags: [KeyValue], now: Int64
    ) async throws -> String

    /// Creates experiment `0`, named `Default`, unless it exists. Idempotent and safe to race.
    func ensureDefaultExperiment(artifactLocation: String, now: Int64) async throws

    /// The experiment with this id, active or deleted.
    func experiment(id: String) async throws -> Experiment?

    /// The experiment with this exact name, active or deleted.
    func experiment(named name: String) async throws -> Experiment?

    /// Experiments matching the query, ordered by `orderBy` then `creation_time DESC, experiment_id ASC`.
    func searchExperiments(_ query: EntityQuery) async throws -> [Experiment]

    /// Renames an experiment. - Throws: `alreadyExists` when the new name is taken.
    func renameExperiment(id: String, to name: String, now: Int64) async throws

    /// Sets the lifecycle stage of an experiment and of all its runs.
    func setExperimentStage(id: String, stage: LifecycleStage, now: Int64) async throws

    /// Inserts or replaces an experiment tag.
    func setExperimentTag(id: String, tag: KeyValue) async throws

    /// Deletes an experiment tag. - Returns: whether the tag existed.
    func deleteExperimentTag(id: String, key: String) async throws -> Bool
}

/// Persistence of runs, their metrics (with latest values maintained at write time), params, tags and inputs.
///
/// Every method is one transaction.
public protocol RunStore: Sendable {
    /// Inserts a new run with its initial tags.
    func createRun(_ run: Run) async throws

    /// The run with this id, active or deleted, with latest metrics, params, tags, inputs and outputs.
    func run(id: String) async throws -> Run?

    /// The lifecycle stage of a run, or `nil` if there is no such run; a cheap check before writes.
    func runStage(id: String) async throws -> LifecycleStage?

    /// Updates the fields given; a non-nil `runName` also sets tag `mlflow.runName`.
    func updateRun(id: String, status: RunStatus?, endTime: Int64?, runName: String?) async throws

    /// Sets the lifecycle stage of a run.
    func setRunStage(id: String, stage: LifecycleStage) async throws

    /// Writes metrics, params and tags in one transaction; all or nothing.
    ///
    /// An exact duplicate metric (key, value, timestamp, step) is ignored. A param whose key already holds the
    /// same value is ignored. Tag `mlflow.runName` also renames the run.
    /// - Throws: `invalidArgument` when a param already holds a different value.
    func logBatch(runID: String, metrics: [Metric], params: [KeyValue], tags: [KeyValue]) async throws

    /// Deletes a run tag. - Returns: whether the tag existed.
    func deleteRunTag(runID: String, key: String) async throws -> Bool

    /// Records dataset inputs (deduplicated by name and digest) and model inputs.
    func logInputs(runID: String, datasets: [DatasetInput], modelIDs: [String]) async throws

    /// Records logged models the run produced.
    func logOutputs(runID: String, outputs: [ModelOutput]) async throws

    /// Runs matching the query, at most `limit + 1`, in the requested order.
    func searchRuns(_ query: RunQuery) async throws -> [Run]

    /// A metric's history ordered by step, then timestamp, then value; at most `limit + 1` rows from `offset`.
    func metricHistory(runID: String, key: String, offset: Int, limit: Int) async throws -> [Metric]
}

/// Persistence of logged models (MLflow 3's `logged-models` resource).
public protocol LoggedModelStore: Sendable {
    /// Inserts a logged model with its tags and params.
    func createLoggedModel(_ model: LoggedModel) async throws

    /// The logged model with this id, or `nil` (also for a deleted one unless `includeDeleted`).
    func loggedModel(id: String, includeDeleted: Bool) async throws -> LoggedModel?

    /// Sets the status of a logged model.
    func setLoggedModelStatus(id: String, status: LoggedModelStatus, now: Int64) async throws

    /// Inserts or replaces tags.
    func setLoggedModelTags(id: String, tags: [KeyValue], now: Int64) async throws

    /// Deletes a tag. - Returns: whether it existed.
    func deleteLoggedModelTag(id: String, key: String) async throws -> Bool

    /// Adds params; an existing key keeps its first value.
    func logLoggedModelParams(id: String, params: [KeyValue]) async throws

    /// Soft-deletes a logged model.
    func deleteLoggedModel(id: String, now: Int64) async throws

    /// Logged models matching the query, at most `limit + 1`, newest first unless ordered otherwise.
    func searchLoggedModels(_ query: EntityQuery) async throws -> [LoggedModel]
}
