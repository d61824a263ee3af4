import CairnCore
import CairnML
import Foundation

/// Loads any model Cairn predicts with: a file (ONNX, XGBoost JSON/UBJSON, LightGBM text, Cairn), an MLflow model
/// directory (an `MLmodel` file with an onnx, xgboost or lightgbm flavor), or a directory holding `model.cairn`.
/// The format is told by content, never by file name.
public enum ModelLoader {
    /// The largest model file Cairn reads.
    public static let maximumFileSize = 1 << 30

    /// Loads the model at a path.
    /// - Throws: `not_found` when nothing is there; `invalid_argument` for a malformed or unrecognised file;
    ///   `not_implemented` naming what Cairn does not support; `too_large` for a file over ``maximumFileSize``.
    public static func load(at url: URL) throws -> any Predictor {
        try loadWithFormat(at: url).predictor
    }

    /// Loads the model at a path and tells which format it was in and what MLflow's `pyfunc` predicts with it.
    /// - Throws: as ``load(at:)``.
    public static func loadWithFormat(at url: URL) throws -> (predictor: any Predictor, format: ModelFormat, pyfunc: PyfuncPrediction) {
        let (data, given, pyfunc) = try read(url)
        let format = try given ?? detect(data)
        return (try load(data, format: format), format, pyfunc)
    }

    /// Loads a model from its bytes, in `format` or the format its content shows.
    /// - Throws: as ``load(at:)``.
    public static func load(_ data: Data, format: ModelFormat? = nil) throws -> any Predictor {
        switch try format ?? detect(data) {
        case .onnx: return try ONNXPredictor(data: data)
        case .xgboost: return try XGBoostPredictor(data: data)
        case .lightgbm: return try LightGBMPredictor(text: try text(data))
        case .cairn: return try ModelFile.decode(data)
        }
    }

    /// Describes the model at a path, including what keeps it from loading.
    /// - Throws: as ``load(at:)``, except that unsupported operators or features are listed in the summary.
    public static func inspect(at url: URL) throws -> ModelSummary {
        let (data, format, _) = try read(url)
        return try inspect(data, format: format)
    }

    /// Describes a model from its bytes.
    /// - Throws: as ``inspect(at:)``.
    public static func inspect(_ data: Data, format: ModelFormat? = nil) throws -> ModelSummary {
        let format = try format ?? detect(data)
        if format == .onnx { return try ModelSummary(onnx: ModelProto(bytes: [UInt8](data))) }
        do {
            return ModelSummary(try load(data, format: format), format: format)
        } catch let error as CairnError where error.code == .notImplemented {
            return ModelSummary(
                format: format, task: nil, classes: [], featureNames: [], signature: ModelSignature(inputs: [], outputs: []),
                unsupported: [error.message])
        }
    }

    private static func detect(_ data: Data) throws -> ModelFormat {
        guard let format = ModelFormat.detect(data) else {
            throw CairnError.invalid("the file is not a model Cairn recognises (ONNX, XGBoost JSON/UBJSON, LightGBM text or Cairn)")
        }
        return format
    }

    private static func text(_ data: Data) throws -> String {
        guard let text = String(data: data, encoding: .utf8) else { throw CairnError.invalid("the LightGBM model is not UTF-8 text") }
        return text
    }

    /// The model file's bytes at a path, the format an MLflow directory declares for it, and what MLflow's `pyfunc`
    /// predicts with it (labels for anything but an MLflow directory of a native booster).
    private static func read(_ url: URL) throws -> (Data, ModelFormat?, PyfuncPrediction) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
            throw CairnError.notFound("No model at '\(url.path)'")
        }
        guard isDirectory.boolValue else { return (try contents(url), nil, .labels) }
        let mlmodel = url.appendingPathComponent("MLmodel")
        if FileManager.default.fileExists(atPath: mlmodel.path) {
            let (format, path, pyfunc) = try MLmodelFile(text: try text(try contents(mlmodel))).model()
            return (try contents(url.appendingPathComponent(path)), format, pyfunc)
        }
        let native = url.appendingPathComponent("model.cairn")
        guard FileManager.default.fileExists(atPath: native.path) else {
            throw CairnError.invalid("'\(url.path)' holds no model Cairn can read (expected an MLmodel or model.cairn file)")
        }
        return (try contents(native), .cairn, .labels)
    }

    private static func contents(_ url: URL) throws -> Data {
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        if let size = attributes?[.size] as? Int, size > maximumFileSize {
            throw CairnError(.tooLarge, "the model file '\(url.lastPathComponent)' is \(size) bytes; Cairn reads at most \(maximumFileSize)")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw CairnError.notFound("cannot read the model file '\(url.path)'")
        }
    }
}
