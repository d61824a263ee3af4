import CairnCore

/// Experiments and runs: the rules MLflow's tracking server enforces, over the store ports.
public struct TrackingService: Sendable {
    /// Settings chosen once at the composition root.
    public struct Configuration: Sendable {
        /// Root under which experiments get their default artifact location, `mlflow-artifacts:` by default.
        public var defaultArtifactRoot: String

        public init(defaultArtifactRoot: String = "mlflow-artifacts:") {
            self.defaultArtifactRoot = defaultArtifactRoot
        }
    }

    let experiments: any ExperimentStore
    let runs: any RunStore
    let clock: any WallClock
    let configuration: Configuration

    public init(
        experiments: any ExperimentStore, runs: any RunStore, clock: any WallClock = SystemClock(),
        configuration: Configuration = .init()
    ) {
        self.experiments = experiments
        self.runs = runs
        self.clock = clock
        self.configuration = configuration
    }

    /// Makes sure the `Default` experiment (id `0`) exists; call once at start.
    public func bootstrap() async throws {
        try await experiments.ensureDefaultExperiment(
            artifactLocation: "\(configuration.defaultArtifactRoot)/0", now: clock.nowMillis())
    }

    // MARK: Experiments

    /// Creates an experiment. - Throws: `invalidArgument` for a bad name or tag, `alreadyExists` for a taken name.
    public func createExperiment(name: String, artifactLocation: String?, tags: [KeyValue]) async throws -> String {
        try Validation.experimentName(name)
        for tag in tags { try Self.validateExperimentTag(tag) }
        let location = artifactLocation.flatMap { $0.isEmpty ? nil : $0 }
        return try await experiments.createExperiment(
            name: name, artifactLocation: location, defaultArtifactRoot: configuration.defaultArtifactRoot, tags: tags,
            now: clock.nowMillis())
    }

    /// The experiment with this id, active or deleted. - Throws: `notFound`.
    public func experiment(id: String) async throws -> Experiment {
        try Validation.experimentID(id)
        guard let experiment = try await experiments.experiment(id: id) else {
            throw CairnError.notFound("No Experiment with id=\(id) exists")
        }
        return experiment
    }

    /// The experiment with this name, active or deleted. - Throws: `notFound`.
    public func experiment(named name: String) async throws -> Experiment {
        guard let experiment = try await experiments.experiment(named: name) else {
            throw CairnError.notFound("Could not find experiment with name '\(name)'")
        }
        return experiment
    }

    /// Searches experiments with MLflow's filter and order_by grammar.
    public func searchExperiments(
        filter: String?, orderBy: [String], viewType: ViewType, maxResults: Int?, pageToken: String?
    ) async throws -> Page<Experiment> {
        let limit = maxResults ?? TrackingLimits.maxExperimentSearchResults
        guard limit >= 1, limit <= TrackingLimits.maxExperimentSearchResults else {
            throw CairnError.invalid(
                "Invalid value \(limit) for parameter 'max_results' supplied. It must be at most \(TrackingLimits.maxExperimentSearchResults), and greater than 0")
        }
        let offset = try PageToken.decode(pageToken)
        let query = EntityQuery(
            filter: try SearchSchema.experiments.validate(SearchGrammar.parseFilter(filter)),
            orderBy: try SearchParsing.orderBy(orderBy, schema: .experiments), viewType: viewType, offset: offset,
            limit: limit)
        return PageToken.page(try await experiments.searchExperiments(query), offset: offset, limit: limit)
    }

    /// Renames an experiment. - Throws: `invalidState` if it is deleted, `alreadyExists` if the name is taken.
    public func renameExperiment(id: String, newName: String) async throws {
        try Validation.experimentName(newName)
        let experiment = try await experiment(id: id)
        guard experiment.lifecycleStage == .active else {
            throw CairnError(.invalidState, "Cannot rename a non-active experiment.")
        }
        try await experiments.renameExperiment(id: id, to: newName, now: clock.nowMillis())
    }

    /// Soft-deletes an experiment and its runs. - Throws: `notFound` unless it is active.
    public func deleteExperiment(id: String) async throws {
        try await moveExperiment(id: id, from: .active, to: .deleted)
    }

    /// Restores a deleted experiment and its runs. - Throws: `notFound` unless it is deleted.
    public func restoreExperiment(id: String) async throws {
        try await moveExperiment(id: id, from: .deleted, to: .active)
    }

    private func moveExperiment(id: String, from: LifecycleStage, to: LifecycleStage) async throws {
        let experiment = try await experiment(id: id)
        guard experiment.lifecycleStage == from else {
            throw CairnError.notFound("Cannot \(to == .deleted ? "delete" : "restore") experiment \(id): it is \(experiment.lifecycleStage.rawValue)")
        }
        if to == .deleted && id == "0" {
            throw CairnError.invalid("Cannot delete the default experiment '0'. This is an internally reserved experiment.")
        }
        try await experiments.setExperimentStage(id: id, stage: to, now: clock.nowMillis())
    }

    /// Sets a tag on an active experiment.
    public func setExperimentTag(id: String, tag: KeyValue) async throws {
        try Self.validateExperimentTag(tag)
        try await activeExperiment(id: id)
        try await experiments.setExperimentTag(id: id, tag: tag)
    }

    /// Deletes a tag of an active experiment. - Throws: `notFound` when the tag does not exist.
    public func deleteExperimentTag(id: String, key: String) async throws {
        try await activeExperiment(id: id)
        guard try await experiments.deleteExperimentTag(id: id, key: key) else {
            throw CairnError.notFound("No tag with name: \(key) in experiment with id \(id)")
        }
    }

    @discardableResult
    private func activeExperiment(id: String) async throws -> Experiment {
        let experiment = try await experiment(id: id)
        guard experiment.lifecycleStage == .active else {
            throw CairnError.invalid("The experiment \(id) must be in the 'active' state. Current state is \(experiment.lifecycleStage.rawValue).")
        }
        return experiment
    }

    static func validateExperimentTag(_ tag: KeyValue) throws(CairnError) {
        try Validation.entityKey(tag.key, kind: "tag")
        try Validation.length(tag.value, max: TrackingLimits.maxExperimentTagValueLength, what: "Tag value")
    }
}
