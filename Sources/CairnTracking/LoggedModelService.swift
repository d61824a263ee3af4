import CairnCore

/// Logged models (MLflow 3): created by every `log_model`, finalized when the upload ends, found by name.
public struct LoggedModelService: Sendable {
    let models: any LoggedModelStore
    let experiments: any ExperimentStore
    let clock: any WallClock

    public init(models: any LoggedModelStore, experiments: any ExperimentStore, clock: any WallClock = SystemClock()) {
        self.models = models
        self.experiments = experiments
        self.clock = clock
    }

    /// Creates a pending logged model whose artifacts live at `<experiment location>/models/<id>/artifacts`.
    /// - Throws: `notFound` for an unknown experiment, `invalidArgument` for bad params or tags.
    public func create(
        experimentID: String, name: String?, modelType: String?, sourceRunID: String?, params: [KeyValue],
        tags: [KeyValue], creatorID: String? = nil
    ) async throws -> LoggedModel {
        try Validation.experimentID(experimentID)
        guard let experiment = try await experiments.experiment(id: experimentID) else {
            throw CairnError.notFound("No Experiment with id=\(experimentID) exists")
        }
        for param in params { try Validation.entityKey(param.key, kind: "param") }
        for tag in tags { try Validation.entityKey(tag.key, kind: "tag") }
        let id = Identifiers.loggedModelID()
        let now = clock.nowMillis()
        let model = LoggedModel(
            modelID: id, experimentID: experimentID, name: name.flatMap { $0.isEmpty ? nil : $0 } ?? RunNames.random(),
            creationTimestampMs: now, lastUpdatedTimestampMs: now,
            artifactURI: "\(experiment.artifactLocation)/models/\(id)/artifacts", status: .pending, creatorID: creatorID,
            modelType: modelType, sourceRunID: sourceRunID, tags: tags, params: params)
        try await models.createLoggedModel(model)
        return model
    }

    /// The logged model with this id. - Throws: `notFound`.
    public func get(id: String, allowDeleted: Bool = false) async throws -> LoggedModel {
        guard let model = try await models.loggedModel(id: id, includeDeleted: allowDeleted) else {
            throw CairnError.notFound("Logged model with ID '\(id)' not found.")
        }
        return model
    }

    /// Sets the final status of the upload (ready or failed) and returns the model.
    public func finalize(id: String, status: LoggedModelStatus) async throws -> LoggedModel {
        guard status == .ready || status == .uploadFailed else {
            throw CairnError.invalid("Invalid status '\(status.rawValue)' for finalizing a logged model")
        }
        _ = try await get(id: id)
        try await models.setLoggedModelStatus(id: id, status: status, now: clock.nowMillis())
        return try await get(id: id)
    }

    /// Inserts or replaces tags.
    public func setTags(id: String, tags: [KeyValue]) async throws {
        for tag in tags { try Validation.entityKey(tag.key, kind: "tag") }
        _ = try await get(id: id)
        try await models.setLoggedModelTags(id: id, tags: tags, now: clock.nowMillis())
    }

    /// Deletes a tag. - Throws: `notFound` for an unknown model or tag.
    public func deleteTag(id: String, key: String) async throws {
        _ = try await get(id: id)
        guard try await models.deleteLoggedModelTag(id: id, key: key) else {
            throw CairnError.notFound("No tag with key '\(key)' on logged model '\(id)'")
        }
    }

    /// Adds params beyond the first hundred sent at creation.
    public func logParams(id: String, params: [KeyValue]) async throws {
        for param in params { try Validation.entityKey(param.key, kind: "param") }
        _ = try await get(id: id)
        try await models.logLoggedModelParams(id: id, params: params)
    }

    /// Soft-deletes a logged model.
    public func delete(id: String) async throws {
        _ = try await get(id: id)
        try await models.deleteLoggedModel(id: id, now: clock.nowMillis())
    }

    /// Searches logged models of the given experiments.
    public func search(
        experimentIDs: [String], filter: String?, orderBy: [SearchOrder], maxResults: Int?, pageToken: String?
    ) async throws -> Page<LoggedModel> {
        for id in experimentIDs { try Validation.experimentID(id) }
        let limit = maxResults ?? 50
        guard limit >= 1, limit <= TrackingLimits.maxRunSearchResults else {
            throw CairnError.invalid("Invalid value \(limit) for parameter 'max_results' supplied.")
        }
        let offset = try PageToken.decode(pageToken)
        let schema = SearchSchema.loggedModels
        let query = EntityQuery(
            filter: try schema.validate(SearchGrammar.parseFilter(filter)),
            orderBy: try orderBy.map { try schema.validate($0) }, experimentIDs: experimentIDs, offset: offset,
            limit: limit)
        return PageToken.page(try await models.searchLoggedModels(query), offset: offset, limit: limit)
    }
}
