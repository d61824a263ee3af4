import CairnCore

/// The model registry: registered models, numbered versions, tags, aliases and stages, with MLflow's rules.
public struct RegistryService: Sendable {
    let models: any RegisteredModelStore
    let versions: any ModelVersionStore
    let runs: any RunLookup
    let clock: any WallClock

    public init(
        models: any RegisteredModelStore, versions: any ModelVersionStore, runs: any RunLookup,
        clock: any WallClock = SystemClock()
    ) {
        self.models = models
        self.versions = versions
        self.runs = runs
        self.clock = clock
    }

    // MARK: Registered models

    /// Creates a registered model. - Throws: `alreadyExists` for a taken name, `invalidArgument` for a bad one.
    public func createModel(name: String, description: String?, tags: [KeyValue]) async throws -> RegisteredModel {
        try RegistryValidation.modelName(name)
        for tag in tags { try RegistryValidation.tag(tag) }
        let now = clock.nowMillis()
        let model = RegisteredModel(
            name: name, creationTimestamp: now, lastUpdatedTimestamp: now, description: description, tags: tags)
        try await models.createRegisteredModel(model)
        return model
    }

    /// The registered model with this name. - Throws: `notFound`.
    public func model(named name: String) async throws -> RegisteredModel {
        guard let model = try await models.registeredModel(named: name) else {
            throw CairnError.notFound("Registered Model with name=\(name) not found")
        }
        return model
    }

    /// Renames a model. - Throws: `alreadyExists` when the new name is taken.
    public func renameModel(name: String, newName: String) async throws -> RegisteredModel {
        try RegistryValidation.modelName(newName)
        _ = try await model(named: name)
        try await models.renameRegisteredModel(from: name, to: newName, now: clock.nowMillis())
        return try await model(named: newName)
    }

    /// Sets a model's description.
    public func updateModel(name: String, description: String?) async throws -> RegisteredModel {
        _ = try await model(named: name)
        try await models.updateRegisteredModel(name: name, description: description, now: clock.nowMillis())
        return try await model(named: name)
    }

    /// Deletes a model and everything under it.
    public func deleteModel(name: String) async throws {
        _ = try await model(named: name)
        try await models.deleteRegisteredModel(name: name)
    }

    /// Searches registered models (at most 1000 per page).
    public func searchModels(filter: String?, orderBy: [String], maxResults: Int?, pageToken: String?) async throws
        -> Page<RegisteredModel>
    {
        let limit = maxResults ?? 100
        guard limit >= 1, limit <= 1000 else {
            throw CairnError.invalid("Invalid value for max_results. It must be at most 1000, but got value \(limit)")
        }
        let offset = try PageToken.decode(pageToken)
        let query = RegistryQuery(
            filter: try SearchSchema.registeredModels.validate(SearchGrammar.parseFilter(filter)),
            orderBy: try SearchParsing.orderBy(orderBy, schema: .registeredModels), offset: offset, limit: limit)
        return PageToken.page(try await models.searchRegisteredModels(query), offset: offset, limit: limit)
    }

    /// Sets a model tag.
    public func setModelTag(name: String, tag: KeyValue) async throws {
        try RegistryValidation.tag(tag)
        _ = try await model(named: name)
        try await models.setRegisteredModelTag(name: name, tag: tag)
    }

    /// Deletes a model tag. - Throws: `notFound` for an unknown model or tag.
    public func deleteModelTag(name: String, key: String) async throws {
        _ = try await model(named: name)
        guard try await models.deleteRegisteredModelTag(name: name, key: key) else {
            throw CairnError.notFound("No tag with name: \(key) in registered model \(name)")
        }
    }

    /// Points an alias at an existing version.
    public func setAlias(name: String, alias: String, version: String) async throws {
        try RegistryValidation.alias(alias)
        let number = try RegistryValidation.version(version)
        _ = try await self.version(name: name, version: number)
        try await models.setAlias(name: name, alias: alias, version: number)
    }

    /// Deletes an alias (deleting a missing alias is not an error, as in MLflow).
    public func deleteAlias(name: String, alias: String) async throws {
        _ = try await model(named: name)
        _ = try await models.deleteAlias(name: name, alias: alias)
    }

    /// The version an alias points to. - Throws: `notFound` for the model, `invalidArgument` for the alias.
    public func version(name: String, alias: String) async throws -> ModelVersion {
        _ = try await model(named: name)
        guard let version = try await versions.modelVersion(name: name, alias: alias) else {
            throw CairnError.invalid("Registered model alias \(alias) not found.")
        }
        return version
    }

    /// The newest version in each of `stages` (all four when empty).
    public func latestVersions(name: String, stages: [String]) async throws -> [ModelVersion] {
        let wanted = stages.isEmpty ? ModelStage.allCases : try stages.map { try ModelStage.parse($0) }
        let all = try await versions.searchModelVersions(
            RegistryQuery(filter: [SearchClause(entity: .attribute, key: "name", comparator: .equal, value: .string(name))],
                          orderBy: [], offset: 0, limit: Int(Int32.max)))
        if all.isEmpty { _ = try await model(named: name) }
        return wanted.compactMap { stage in
            all.filter { $0.currentStage == stage }.max { $0.version < $1.version }
        }
    }
}
