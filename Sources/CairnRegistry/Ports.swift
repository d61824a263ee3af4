import CairnCore

/// What a registry search asks for; stores return up to `limit + 1` rows.
public struct RegistryQuery: Sendable {
    public var filter: [SearchClause]
    public var orderBy: [SearchOrder]
    public var offset: Int
    public var limit: Int

    public init(filter: [SearchClause], orderBy: [SearchOrder], offset: Int, limit: Int) {
        self.filter = filter
        self.orderBy = orderBy
        self.offset = offset
        self.limit = limit
    }
}

/// Persistence of registered models, their tags and aliases. Every method is one transaction.
public protocol RegisteredModelStore: Sendable {
    /// Inserts a registered model. - Throws: `alreadyExists` when the name is taken.
    func createRegisteredModel(_ model: RegisteredModel) async throws

    /// The model with its tags, aliases and latest version per stage, or `nil`.
    func registeredModel(named name: String) async throws -> RegisteredModel?

    /// Renames a model; its versions, tags and aliases follow. - Throws: `alreadyExists`.
    func renameRegisteredModel(from name: String, to newName: String, now: Int64) async throws

    /// Sets the description.
    func updateRegisteredModel(name: String, description: String?, now: Int64) async throws

    /// Deletes the model with all its versions, tags and aliases.
    func deleteRegisteredModel(name: String) async throws

    /// Models matching the query, default order name ascending.
    func searchRegisteredModels(_ query: RegistryQuery) async throws -> [RegisteredModel]

    /// Inserts or replaces a model tag.
    func setRegisteredModelTag(name: String, tag: KeyValue) async throws

    /// Deletes a model tag. - Returns: whether it existed.
    func deleteRegisteredModelTag(name: String, key: String) async throws -> Bool

    /// Points an alias at a version, moving it if it exists.
    func setAlias(name: String, alias: String, version: Int) async throws

    /// Deletes an alias. - Returns: whether it existed.
    func deleteAlias(name: String, alias: String) async throws -> Bool
}

/// Persistence of model versions. Every method is one transaction.
public protocol ModelVersionStore: Sendable {
    /// Inserts the next version of a model: one more than the highest ever created, deleted ones included.
    /// The `version` field of the argument is ignored. - Returns: the stored version.
    func createModelVersion(_ version: ModelVersion) async throws -> ModelVersion

    /// A live (not deleted) version with its tags and aliases, or `nil`.
    func modelVersion(name: String, version: Int) async throws -> ModelVersion?

    /// The version an alias points to, or `nil`.
    func modelVersion(name: String, alias: String) async throws -> ModelVersion?

    /// Sets the description.
    func updateModelVersion(name: String, version: Int, description: String?, now: Int64) async throws

    /// Soft-deletes a version (hidden everywhere; its number is never reused) and drops its aliases.
    func deleteModelVersion(name: String, version: Int, now: Int64) async throws

    /// Moves a version to a stage; with `archiveExisting`, other versions in that stage become Archived.
    func transitionStage(name: String, version: Int, stage: ModelStage, archiveExisting: Bool, now: Int64) async throws

    /// Versions matching the query, default order name ascending then version descending.
    func searchModelVersions(_ query: RegistryQuery) async throws -> [ModelVersion]

    /// Inserts or replaces a version tag.
    func setModelVersionTag(name: String, version: Int, tag: KeyValue) async throws

    /// Deletes a version tag. - Returns: whether it existed.
    func deleteModelVersionTag(name: String, version: Int, key: String) async throws -> Bool
}

/// What the registry needs to know about runs and logged models, backed by the tracking context.
public protocol RunLookup: Sendable {
    /// The artifact location of a run, or `nil` if there is no such run.
    func runArtifactURI(runID: String) async throws -> String?

    /// The artifact location and source run of a logged model, or `nil` if there is no such model.
    func loggedModel(id: String) async throws -> (artifactURI: String, sourceRunID: String?)?
}
