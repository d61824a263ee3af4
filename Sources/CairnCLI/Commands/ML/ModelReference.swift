import CairnCore
import CairnML
import CairnRuntime
import Foundation

/// A model named on the command line: a path, `runs:/<run>/<path>`, `models:/<name>/<version|stage>`,
/// `models:/<name>@<alias>` or `models:/m-<id>`, resolved through the tracking backend to local files.
struct ModelReference {
    let text: String

    /// Whether the text needs the tracking store to resolve (it is a URI, not a path).
    var isURI: Bool { text.hasPrefix("runs:/") || text.hasPrefix("models:/") }

    /// A local file or directory that holds the model.
    func localURL(_ backend: @autoclosure () async throws -> any TrackingBackend) async throws -> URL {
        guard isURI else { return URL(fileURLWithPath: text) }
        let source = try await backend()
        return try await source.localCopy(of: try await location(source))
    }

    /// The storage location the URI points to.
    func location(_ backend: any TrackingBackend) async throws -> String {
        if text.hasPrefix("runs:/") {
            let rest = text.dropFirst("runs:/".count).split(separator: "/", maxSplits: 1).map(String.init)
            guard let runID = rest.first else { throw CairnError.invalid("Invalid model URI '\(text)': expected runs:/<run_id>/<path>") }
            let root = try await backend.run(id: runID).info.artifact_uri ?? ""
            return rest.count > 1 ? "\(root)/\(rest[1])" : root
        }
        let rest = String(text.dropFirst("models:/".count))
        if rest.hasPrefix("m-") { return try await backend.loggedModelLocation(id: String(rest.prefix { $0 != "/" })) }
        if let at = rest.firstIndex(of: "@") {
            return try await backend.modelVersionLocation(name: String(rest[..<at]), selector: .alias(String(rest[rest.index(after: at)...])))
        }
        guard let slash = rest.lastIndex(of: "/"), slash != rest.startIndex else {
            throw CairnError.invalid("Invalid model URI '\(text)': expected models:/<name>/<version>, models:/<name>/<stage> or models:/<name>@<alias>")
        }
        let name = String(rest[..<slash])
        let selector = String(rest[rest.index(after: slash)...])
        return try await backend.modelVersionLocation(
            name: name, selector: selector.allSatisfy(\.isNumber) ? .version(selector) : .stage(selector))
    }

    /// Loads the model at a local file or directory: a model file of any format Cairn reads (ONNX, XGBoost,
    /// LightGBM, Cairn), an MLflow model directory, or a directory holding `model.cairn`.
    /// - Throws: `notFound` when nothing is there, `invalidArgument` for a format Cairn cannot read,
    ///   `notImplemented` naming what the model uses that Cairn does not support.
    static func load(at url: URL) throws -> any Predictor {
        try ModelLoader.load(at: url)
    }
}
