import CairnCore

/// Where a model comes from: a local path, `runs:/<run>/<path>`, `models:/<name>/<version|stage>`,
/// `models:/<name>@<alias>` or `models:/m-<id>` (MLflow's model URIs).
public enum ModelURI: Sendable, Equatable, CustomStringConvertible {
    /// A model file or directory on this machine.
    case path(String)
    /// A path inside a run's artifacts (empty for the artifact root).
    case run(id: String, path: String)
    /// A logged model (`m-…`).
    case loggedModel(id: String)
    /// A version of a registered model.
    case registered(name: String, selector: ModelSelector)

    /// Parses a model reference; text that is neither `runs:/` nor `models:/` is a path.
    /// - Throws: `invalidArgument` for a malformed URI.
    public init(parsing text: String) throws {
        if text.hasPrefix("runs:/") {
            let rest = text.dropFirst("runs:/".count).split(separator: "/", maxSplits: 1).map(String.init)
            guard let runID = rest.first else {
                throw CairnError.invalid("Invalid model URI '\(text)': expected runs:/<run_id>/<path>")
            }
            self = .run(id: runID, path: rest.count > 1 ? rest[1] : "")
            return
        }
        guard text.hasPrefix("models:/") else {
            self = .path(text)
            return
        }
        let rest = String(text.dropFirst("models:/".count))
        if rest.hasPrefix("m-") {
            self = .loggedModel(id: String(rest.prefix { $0 != "/" }))
        } else if let at = rest.firstIndex(of: "@"), at != rest.startIndex {
            self = .registered(name: String(rest[..<at]), selector: .alias(String(rest[rest.index(after: at)...])))
        } else if let slash = rest.lastIndex(of: "/"), slash != rest.startIndex, rest.index(after: slash) != rest.endIndex {
            let selector = String(rest[rest.index(after: slash)...])
            self = .registered(
                name: String(rest[..<slash]), selector: selector.allSatisfy(\.isNumber) ? .version(selector) : .stage(selector))
        } else {
            throw CairnError.invalid(
                "Invalid model URI '\(text)': expected models:/<name>/<version>, models:/<name>/<stage> or models:/<name>@<alias>")
        }
    }

    /// Whether resolving needs the tracking store or registry (it is not a plain path).
    public var needsRegistry: Bool {
        if case .path = self { return false }
        return true
    }

    public var description: String {
        switch self {
        case .path(let path): path
        case .run(let id, let path): path.isEmpty ? "runs:/\(id)" : "runs:/\(id)/\(path)"
        case .loggedModel(let id): "models:/\(id)"
        case .registered(let name, .version(let version)): "models:/\(name)/\(version)"
        case .registered(let name, .stage(let stage)): "models:/\(name)/\(stage)"
        case .registered(let name, .alias(let alias)): "models:/\(name)@\(alias)"
        }
    }
}

/// Which version of a registered model a `models:/` URI names.
public enum ModelSelector: Sendable, Equatable {
    /// A version number.
    case version(String)
    /// The version an alias points to (such as `champion`).
    case alias(String)
    /// The newest version in a stage (`Staging`, `Production`, …).
    case stage(String)
}
