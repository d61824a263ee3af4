/// A named thing clients send predictions to: one model served standalone, or a deployment routing between
/// versions.
public protocol InferenceEndpoint: Sendable {
    /// The name clients use (`/v2/models/{name}`).
    var name: String { get }

    /// The versions the endpoint serves now, the one answering by default first.
    func status() async -> EndpointStatus

    /// Answers a request with the version the endpoint routes it to (or the pinned one).
    /// - Throws: `notFound` for a pinned version it does not serve; `unavailable` when no ready version can answer;
    ///   `invalidArgument` for input that does not match the model.
    func infer(_ request: InferenceRequest) async throws -> InferenceResult
}

/// The state of an endpoint's versions.
public struct EndpointStatus: Sendable {
    /// One version: loaded and ready, or not (still loading, or failed with `problem`).
    public struct Version: Sendable {
        public var version: String
        public var model: ServedModel?
        public var problem: String?

        public init(version: String, model: ServedModel?, problem: String?) {
            self.version = version
            self.model = model
            self.problem = problem
        }

        public var isReady: Bool { model != nil }
    }

    public var versions: [Version]

    public init(versions: [Version]) { self.versions = versions }

    /// Whether the version answering by default is ready.
    public var isReady: Bool { versions.first?.isReady ?? false }
}
