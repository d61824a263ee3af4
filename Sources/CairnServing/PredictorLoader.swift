import CairnCore
import CairnML
import CairnRuntime
import Foundation

/// Turns the files of a model on this machine into a ``Predictor``: the seam where model formats plug in.
public protocol PredictorLoader: Sendable {
    /// Loads the model in a file or directory.
    /// - Throws: `notFound` when nothing is at `url`; `invalidArgument` for a format this loader cannot read.
    func load(at url: URL) throws -> LoadedPredictor
}

/// A loaded model, the name of its format (the Open Inference Protocol's `platform`), and what MLflow's scoring
/// server would answer with it.
public struct LoadedPredictor: Sendable {
    public var predictor: any Predictor
    /// A `<project>_<format>` name such as `cairn_native`.
    public var platform: String
    /// What `/invocations` returns, as `mlflow models serve` does for the same model.
    public var pyfunc: PyfuncPrediction

    public init(predictor: any Predictor, platform: String, pyfunc: PyfuncPrediction = .labels) {
        self.predictor = predictor
        self.platform = platform
        self.pyfunc = pyfunc
    }
}

/// Loads every format the model runtime reads: ONNX, XGBoost JSON/UBJSON, LightGBM text and Cairn's own, as files
/// or MLflow model directories (``ModelLoader``). The platform is `onnx_runtime`, `xgboost_json`, `lightgbm_text` or
/// `cairn_native`.
public struct RuntimePredictorLoader: PredictorLoader {
    public init() {}

    public func load(at url: URL) throws -> LoadedPredictor {
        let (predictor, format, pyfunc) = try ModelLoader.loadWithFormat(at: url)
        let platform =
            switch format {
            case .onnx: "onnx_runtime"
            case .xgboost: "xgboost_json"
            case .lightgbm: "lightgbm_text"
            case .cairn: "cairn_native"
            }
        return LoadedPredictor(predictor: predictor, platform: platform, pyfunc: pyfunc)
    }
}
