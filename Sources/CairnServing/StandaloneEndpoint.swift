import CairnCore

/// One model version served under a name, as `cairn serve` does; a model that failed to load stays not ready and
/// answers every request with `unavailable`.
public struct StandaloneEndpoint: InferenceEndpoint {
    public let name: String
    let version: String
    let model: Result<ServedModel, CairnError>
    let metrics: ServingMetrics

    /// An endpoint serving `model`, or reporting why it could not be loaded.
    public init(name: String, version: String, model: Result<ServedModel, CairnError>) {
        self.name = name
        self.version = version
        self.model = model
        metrics = ServingMetrics(endpoint: name, version: version)
    }

    public func status() async -> EndpointStatus {
        switch model {
        case .success(let model): EndpointStatus(versions: [.init(version: version, model: model, problem: nil)])
        case .failure(let error): EndpointStatus(versions: [.init(version: version, model: nil, problem: error.message)])
        }
    }

    public func infer(_ request: InferenceRequest) async throws -> InferenceResult {
        if let pinned = request.version, pinned != version {
            throw CairnError.notFound("Model '\(name)' has no version '\(pinned)' (it serves version \(version))")
        }
        let model = try model.mapError { CairnError(.unavailable, "Model '\(name)' is not ready: \($0.message)") }.get()
        let start = ContinuousClock.now
        do {
            let predictions = try model.predict(request.input)
            metrics.request(succeeded: true, duration: ContinuousClock.now - start)
            return InferenceResult(model: model, predictions: predictions)
        } catch {
            metrics.request(succeeded: false, duration: ContinuousClock.now - start)
            throw error
        }
    }
}

extension StandaloneEndpoint {
    /// Resolves and loads the model `uri` names. A model that cannot be resolved or loaded gives an endpoint that is
    /// not ready and says why, rather than an error.
    /// - Parameters:
    ///   - name: the name to serve under; by default the registered model's name, or the file's base name.
    ///   - source: resolves `runs:/` and `models:/` URIs (not asked for a path).
    public static func load(
        _ uri: ModelURI, name: String?, source: @autoclosure () async throws -> any ModelSource, loader: any PredictorLoader
    ) async -> StandaloneEndpoint {
        let servedName = name ?? uri.defaultName
        do {
            let files = try await uri.resolve(with: try await source())
            let version = files.version ?? "1"
            let model = ServedModel(name: servedName, version: version, loaded: try loader.load(at: files.url))
            return StandaloneEndpoint(name: servedName, version: version, model: .success(model))
        } catch {
            let failure = error as? CairnError ?? CairnError(.internal, "\(error)")
            return StandaloneEndpoint(name: servedName, version: "1", model: .failure(failure))
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
