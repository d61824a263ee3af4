import CairnCore

/// A named pointer to one version of a registered model, such as `champion`.
public struct ModelAlias: Sendable, Hashable {
    public var alias: String
    public var version: Int

    public init(alias: String, version: Int) {
        self.alias = alias
        self.version = version
    }
}

/// MLflow's (deprecated but widely used) deployment stages.
public enum ModelStage: String, Sendable, CaseIterable {
    case none = "None"
    case staging = "Staging"
    case production = "Production"
    case archived = "Archived"

    /// Parses a stage name case-insensitively. - Throws: `invalidArgument` for anything else.
    public static func parse(_ name: String) throws(CairnError) -> ModelStage {
        guard let stage = allCases.first(where: { $0.rawValue.lowercased() == name.lowercased() }) else {
            throw .invalid("Invalid Model Version stage: \(name). Value must be one of \(allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        return stage
    }
}

/// One numbered version of a registered model.
public struct ModelVersion: Sendable, Hashable {
    public var name: String
    public var version: Int
    public var creationTimestamp: Int64
    public var lastUpdatedTimestamp: Int64
    public var userID: String?
    public var currentStage: ModelStage
    public var description: String?
    /// The source URI as the client sent it (for example `models:/m-…` or `runs:/<id>/model`).
    public var source: String
    /// Where the files actually are: the logged model's or run's artifact location.
    public var storageLocation: String
    public var runID: String?
    public var runLink: String?
    public var modelID: String?
    public var tags: [KeyValue]
    public var aliases: [String]

    public init(
        name: String, version: Int, creationTimestamp: Int64, lastUpdatedTimestamp: Int64, userID: String? = nil,
        currentStage: ModelStage = .none, description: String? = nil, source: String, storageLocation: String,
        runID: String? = nil, runLink: String? = nil, modelID: String? = nil, tags: [KeyValue] = [],
        aliases: [String] = []
    ) {
        self.name = name
        self.version = version
        self.creationTimestamp = creationTimestamp
        self.lastUpdatedTimestamp = lastUpdatedTimestamp
        self.userID = userID
        self.currentStage = currentStage
        self.description = description
        self.source = source
        self.storageLocation = storageLocation
        self.runID = runID
        self.runLink = runLink
        self.modelID = modelID
        self.tags = tags
        self.aliases = aliases
    }
}

/// A named model in the registry, with its latest version per stage, tags and aliases.
public struct RegisteredModel: Sendable, Hashable {
    public var name: String
    public var creationTimestamp: Int64
    public var lastUpdatedTimestamp: Int64
    public var userID: String?
    public var description: String?
    /// The newest version in each stage that has one.
    public var latestVersions: [ModelVersion]
    public var tags: [KeyValue]
    public var aliases: [ModelAlias]

    public init(
        name: String, creationTimestamp: Int64, lastUpdatedTimestamp: Int64, userID: String? = nil,
        description: String? = nil, latestVersions: [ModelVersion] = [], tags: [KeyValue] = [],
        aliases: [ModelAlias] = []
    ) {
        self.name = name
        self.creationTimestamp = creationTimestamp
        self.lastUpdatedTimestamp = lastUpdatedTimestamp
        self.userID = userID
        self.description = description
        self.latestVersions = latestVersions
        self.tags = tags
        self.aliases = aliases
    }
}
