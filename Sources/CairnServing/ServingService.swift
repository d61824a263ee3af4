import CairnCore

/// Finds the endpoints a server hosts.
public protocol EndpointDirectory: Sendable {
    /// The endpoint with this name, or `nil`.
    func endpoint(named name: String) async -> (any InferenceEndpoint)?
    /// Every endpoint, by name.
    func endpoints() async -> [any InferenceEndpoint]
}

/// A fixed set of endpoints, as `cairn serve` hosts.
public struct FixedEndpointDirectory: EndpointDirectory {
    let all: [any InferenceEndpoint]

    public init(_ endpoints: [any InferenceEndpoint]) { all = endpoints }

    public func endpoint(named name: String) async -> (any InferenceEndpoint)? { all.first { $0.name == name } }
    public func endpoints() async -> [any InferenceEndpoint] { all }
}

/// Serving's one entry point for the protocols: health, model metadata and inference over the endpoints of a
/// directory.
public struct ServingService: Sendable {
    let directory: any EndpointDirectory

    public init(directory: any EndpointDirectory) { self.directory = directory }

    /// Whether every endpoint has a ready version answering by default.
    public func isReady() async -> Bool {
        for endpoint in await directory.endpoints() where !(await endpoint.status().isReady) { return false }
        return true
    }

    /// The status of one version of an endpoint (the default one when `version` is `nil`).
    /// - Throws: `notFound` for an unknown endpoint or version.
    public func status(of name: String, version: String? = nil) async throws -> EndpointStatus.Version {
        let status = try await endpoint(name).status()
        guard let version else {
            guard let first = status.versions.first else { throw CairnError(.unavailable, "Model '\(name)' serves no version yet") }
            return first
        }
        guard let found = status.versions.first(where: { $0.version == version }) else {
            throw CairnError.notFound("Model '\(name)' has no version '\(version)'")
        }
        return found
    }

    /// Every version an endpoint serves.
    /// - Throws: `notFound` for an unknown endpoint.
    public func versions(of name: String) async throws -> [EndpointStatus.Version] {
        try await endpoint(name).status().versions
    }

    /// Answers a prediction request.
    /// - Throws: `notFound` for an unknown endpoint or version, and as ``InferenceEndpoint/infer(_:)``.
    public func infer(_ name: String, _ request: InferenceRequest) async throws -> InferenceResult {
        try await endpoint(name).infer(request)
    }

    private func endpoint(_ name: String) async throws -> any InferenceEndpoint {
        guard let endpoint = await directory.endpoint(named: name) else {
            throw CairnError.notFound("Model with name \(name) does not exist.")
        }
        return endpoint
    }
}
