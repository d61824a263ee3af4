import CairnCore
import CairnML
import Foundation

/// Turns the files of a model on this machine into a ``Predictor``: the seam where model formats plug in.
public protocol PredictorLoader: Sendable {
    /// Loads the model in a file or directory.
    /// - Throws: `notFound` when nothing is at `url`; `invalidArgument` for a format this loader cannot read.
    func load(at url: URL) throws -> LoadedPredictor
}

/// A loaded model and the name of its format (the Open Inference Protocol's `platform`).
public struct LoadedPredictor: Sendable {
    public var predictor: any Predictor
    /// A `<project>_<format>` name such as `cairn_native`.
    public var platform: String

    public init(predictor: any Predictor, platform: String) {
        self.predictor = predictor
        self.platform = platform
    }
}

/// Loads Cairn's native model format (``ModelFile``): a `.cairn` file, or a directory holding `model.cairn` as
/// `cairn train` logs it.
public struct NativePredictorLoader: PredictorLoader {
    /// The file a model directory holds.
    public static let fileName = "model.cairn"

    public init() {}

    public func load(at url: URL) throws -> LoadedPredictor {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CairnError.notFound("No model at '\(url.path)'")
        }
        let file = isDirectory.boolValue ? url.appendingPathComponent(Self.fileName) : url
        guard FileManager.default.fileExists(atPath: file.path) else {
            throw CairnError.invalid("'\(url.path)' holds no model Cairn can read (expected a \(Self.fileName) file)")
        }
        return LoadedPredictor(predictor: try ModelFile.load(from: file.path), platform: "cairn_native")
    }
}
