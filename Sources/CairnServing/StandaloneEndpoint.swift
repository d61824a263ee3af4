import CairnCore

/// One model version served under a name, as `cairn serve` does; a model that failed to load stays not ready and
/// answers every request with `unavailable`.
public struct StandaloneEndpoint: InferenceEndpoint {
    /// How the endpoint answers: batching, the timeout, and prediction logging.
    public struct Options: Sendable {
        public var batching: Deployment.Batching
        /// The longest a prediction may take, in milliseconds, before the caller gets `timedOut` (504).
        public var timeoutMillis: Int
        /// Where predictions are logged (under the endpoint's name), if anywhere.
        public var log: PredictionLog?
        /// The fraction of predictions logged, from 0 to 1.
        public var samplingRate: Double

        public init(batching: Deployment.Batching = .init(), timeoutMillis: Int = 10_000, log: PredictionLog? = nil, samplingRate: Double = 1) {
            self.batching = batching
            self.timeoutMillis = timeoutMillis
            self.log = log
            self.samplingRate = samplingRate
        }

        /// Checks the settings against the rules deployments follow.
        /// - Throws: `invalidArgument` naming the first setting out of range.
        public func validate() throws {
            try DeploymentValidation.settings(batching: batching, timeoutMillis: timeoutMillis, samplingRate: samplingRate)
        }
    }

    public let name: String
    let version: String
    let options: Options
    /// The loaded model's batcher, or why the model did not load.
    private let batcher: Result<Batcher, CairnError>

    /// An endpoint serving `model`, or reporting why it could not be loaded.
    public init(name: String, version: String, model: Result<ServedModel, CairnError>, options: Options = Options()) {
        self.name = name
        self.version = version
        self.options = options
        batcher = model.map { Batcher(model: $0, settings: options.batching, metrics: ServingMetrics(endpoint: name, version: version)) }
    }

    public func status() async -> EndpointStatus {
        switch batcher {
        case .success(let batcher): EndpointStatus(versions: [.init(version: version, model: batcher.model, problem: nil)])
        case .failure(let error): EndpointStatus(versions: [.init(version: version, model: nil, problem: error.message)])
        }
    }

    public func infer(_ request: InferenceRequest) async throws -> InferenceResult {
        let start = ContinuousClock.now
        if let pinned = request.version, pinned != version {
            throw CairnError.notFound("Model '\(name)' has no version '\(pinned)' (it serves version \(version))")
        }
        let batcher = try batcher.mapError { CairnError(.unavailable, "Model '\(name)' is not ready: \($0.message)") }.get()
        return try await batcher.answer(
            request, endpoint: name, start: start, timeout: .milliseconds(options.timeoutMillis), log: options.log, samplingRate: options.samplingRate)
    }
}

extension StandaloneEndpoint {
    /// Resolves and loads the model `uri` names. A model that cannot be resolved or loaded gives an endpoint that is
    /// not ready and says why, rather than an error.
    /// - Parameters:
    ///   - name: the name to serve under; by default the registered model's name, or the file's base name.
    ///   - source: resolves `runs:/` and `models:/` URIs (not asked for a path).
    ///   - options: how the endpoint answers.
    public static func load(
        _ uri: ModelURI, name: String?, source: @autoclosure () async throws -> any ModelSource, loader: any PredictorLoader,
        options: Options = Options()
    ) async -> StandaloneEndpoint {
        let servedName = name ?? uri.defaultName
        do {
            let files = try await uri.resolve(with: try await source())
            let version = files.version ?? "1"
            let model = ServedModel(name: servedName, version: version, loaded: try loader.load(at: files.url))
            return StandaloneEndpoint(name: servedName, version: version, model: .success(model), options: options)
        } catch {
            let failure = error as? CairnError ?? CairnError(.internal, "\(error)")
            return StandaloneEndpoint(name: servedName, version: "1", model: .failure(failure), options: options)
        }
    }
}

extension ModelURI {
    /// The name a model is served under when none is given: the registered model's name, else the last path
    /// component without its extension.
    public var defaultName: String {
        switch self {
        case .registered(let name, _): return name
        case .loggedModel(let id): return id
        case .run(let id, let path): return path.split(separator: "/").last.map(String.init) ?? id
        case .path(let path):
            let last = path.split(separator: "/").last.map(String.init) ?? "model"
            return last.split(separator: ".").first.map(String.init) ?? last
        }
    }
}
