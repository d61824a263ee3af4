import CairnCore

extension RegistryService {
    /// Registers a new version of an existing model from a source URI.
    ///
    /// The storage location is resolved from the logged model (`model_id`, or a `models:/m-…` source) or the run
    /// (`runs:/<id>/<path>`); otherwise the source is the location. The run id defaults to the logged model's run.
    /// - Throws: `notFound` for an unknown model, logged model or run.
    public func createVersion(
        name: String, source: String, runID: String?, modelID: String?, description: String?, runLink: String?,
        tags: [KeyValue], userID: String? = nil
    ) async throws -> ModelVersion {
        guard !source.isEmpty else { throw CairnError.invalid("Missing value for required parameter 'source'.") }
        for tag in tags { try RegistryValidation.tag(tag) }
        _ = try await model(named: name)
        var runID = runID.flatMap { $0.isEmpty ? nil : $0 }
        var storage = source
        let loggedModelID = modelID.flatMap { $0.isEmpty ? nil : $0 } ?? Self.loggedModelID(inSource: source)
        if let loggedModelID {
            guard let logged = try await runs.loggedModel(id: loggedModelID) else {
                throw CairnError.notFound("Logged model with ID '\(loggedModelID)' not found.")
            }
            storage = logged.artifactURI
            runID = runID ?? logged.sourceRunID
        } else if let (sourceRun, path) = Self.runSource(source) {
            guard let runURI = try await runs.runArtifactURI(runID: sourceRun) else {
                throw CairnError.notFound("Run with id=\(sourceRun) not found")
            }
            storage = path.isEmpty ? runURI : "\(runURI)/\(path)"
            runID = runID ?? sourceRun
        }
        let now = clock.nowMillis()
        return try await versions.createModelVersion(
            ModelVersion(
                name: name, version: 0, creationTimestamp: now, lastUpdatedTimestamp: now, userID: userID,
                description: description, source: source, storageLocation: storage, runID: runID, runLink: runLink,
                modelID: loggedModelID, tags: tags))
    }

    /// A live version. - Throws: `notFound`.
    public func version(name: String, version: Int) async throws -> ModelVersion {
        guard let found = try await versions.modelVersion(name: name, version: version) else {
            throw CairnError.notFound("Model Version (name=\(name), version=\(version)) not found")
        }
        return found
    }

    /// A live version by its decimal string. - Throws: `invalidArgument`, `notFound`.
    public func version(name: String, version: String) async throws -> ModelVersion {
        try await self.version(name: name, version: RegistryValidation.version(version))
    }

    /// Sets a version's description.
    public func updateVersion(name: String, version: String, description: String?) async throws -> ModelVersion {
        let found = try await self.version(name: name, version: version)
        try await versions.updateModelVersion(name: name, version: found.version, description: description, now: clock.nowMillis())
        return try await self.version(name: name, version: found.version)
    }

    /// Soft-deletes a version; its number is never reused.
    public func deleteVersion(name: String, version: String) async throws {
        let found = try await self.version(name: name, version: version)
        try await versions.deleteModelVersion(name: name, version: found.version, now: clock.nowMillis())
    }

    /// Moves a version to a stage. `archiveExisting` is only valid for Staging and Production.
    public func transitionStage(name: String, version: String, stage: String, archiveExisting: Bool) async throws
        -> ModelVersion
    {
        let target = try ModelStage.parse(stage)
        if archiveExisting && target != .staging && target != .production {
            throw CairnError.invalid(
                "Model version transition cannot archive existing model versions because '\(target.rawValue)' is not an Active stage. Valid stages are Staging, Production")
        }
        let found = try await self.version(name: name, version: version)
        try await versions.transitionStage(
            name: name, version: found.version, stage: target, archiveExisting: archiveExisting, now: clock.nowMillis())
        return try await self.version(name: name, version: found.version)
    }

    /// Searches versions (at most 200,000 per page).
    public func searchVersions(filter: String?, orderBy: [String], maxResults: Int?, pageToken: String?) async throws
        -> Page<ModelVersion>
    {
        let limit = maxResults ?? 200_000
        guard limit >= 1, limit <= 200_000 else {
            throw CairnError.invalid("Invalid value for max_results. It must be at most 200000, but got value \(limit)")
        }
        let offset = try PageToken.decode(pageToken)
        let query = RegistryQuery(
            filter: try SearchSchema.modelVersions.validate(SearchGrammar.parseFilter(filter)),
            orderBy: try SearchParsing.orderBy(orderBy, schema: .modelVersions), offset: offset, limit: limit)
        return PageToken.page(try await versions.searchModelVersions(query), offset: offset, limit: limit)
    }

    /// Sets a version tag.
    public func setVersionTag(name: String, version: String, tag: KeyValue) async throws {
        try RegistryValidation.tag(tag)
        let found = try await self.version(name: name, version: version)
        try await versions.setModelVersionTag(name: name, version: found.version, tag: tag)
    }

    /// Deletes a version tag. - Throws: `notFound` for an unknown version or tag.
    public func deleteVersionTag(name: String, version: String, key: String) async throws {
        let found = try await self.version(name: name, version: version)
        guard try await versions.deleteModelVersionTag(name: name, version: found.version, key: key) else {
            throw CairnError.notFound("No tag with name: \(key) in model version \(name) \(found.version)")
        }
    }

    /// Where a version's files are: a real storage URI, never `models:/`.
    public func downloadURI(name: String, version: String) async throws -> String {
        try await self.version(name: name, version: version).storageLocation
    }

    static func loggedModelID(inSource source: String) -> String? {
        guard source.hasPrefix("models:/m-") else { return nil }
        let rest = source.dropFirst("models:/".count)
        return String(rest.prefix { $0 != "/" })
    }

    static func runSource(_ source: String) -> (runID: String, path: String)? {
        guard source.hasPrefix("runs:/") else { return nil }
        let parts = source.dropFirst("runs:/".count).split(separator: "/", maxSplits: 1)
        guard let first = parts.first else { return nil }
        return (String(first), parts.count > 1 ? String(parts[1]) : "")
    }
}
