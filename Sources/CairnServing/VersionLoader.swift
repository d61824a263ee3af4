import CairnML

/// Finds which version a route's URI names now, and loads and warms it.
struct VersionLoader: Sendable {
    /// A model version a URI named at one moment.
    struct Identity: Sendable, Equatable {
        /// What tells two versions apart: `models:/<name>/<version>` for registered models, else the URI.
        var key: String
        var name: String
        var version: String
        /// The URI that names exactly this version (never an alias or a stage).
        var pinned: ModelURI
    }

    let source: any ModelSource
    let loader: any PredictorLoader

    /// The version `uri` names now (asks the registry for aliases and stages; downloads nothing).
    /// - Throws: as ``ModelSource/registeredVersion(name:selector:)``.
    func identify(_ uri: ModelURI) async throws -> Identity {
        guard case .registered(let name, let selector) = uri else {
            return Identity(key: uri.description, name: uri.defaultName, version: uri.description, pinned: uri)
        }
        let version = try await source.registeredVersion(name: name, selector: selector).version
        let pinned = ModelURI.registered(name: name, selector: .version(version))
        return Identity(key: pinned.description, name: name, version: version, pinned: pinned)
    }

    /// Downloads, loads and warms the version (one prediction on a row of defaults, so the first caller does not
    /// pay for lazy initialization).
    /// - Throws: as ``ModelSource`` and ``PredictorLoader``.
    func load(_ identity: Identity) async throws -> ServedModel {
        let files = try await identity.pinned.resolve(with: source)
        let model = ServedModel(name: identity.name, version: identity.version, loaded: try loader.load(at: files.url))
        let warmRow = Dictionary(uniqueKeysWithValues: model.signature.inputs.map {
            ($0.name, [$0.isCategorical ? FeatureValue.missing : .number(0)])
        })
        _ = try? model.predict(.columns(warmRow))
        return model
    }
}
