import CairnML
import CairnRuntime

/// A model version loaded and ready to predict, under the name clients call it by.
public struct ServedModel: Sendable {
    /// The registered model's name, or the name given to a model served from a path.
    public let name: String
    /// The version that answers (a registry version number, or `1` for a model served from a path).
    public let version: String
    /// The model format, as the Open Inference Protocol's `platform` (`cairn_native`, …).
    public let platform: String
    public let predictor: any Predictor
    public let signature: ServingSignature
    /// What `/invocations` returns for the model.
    public let pyfunc: PyfuncPrediction

    public init(name: String, version: String, loaded: LoadedPredictor) {
        self.name = name
        self.version = version
        self.platform = loaded.platform
        self.predictor = loaded.predictor
        self.signature = ServingSignature(of: loaded.predictor)
        self.pyfunc = loaded.pyfunc
    }

    /// Predicts the rows of a request.
    /// - Throws: `invalidArgument` when the input does not match the signature (see ``InputTable``).
    public func predict(_ input: InferenceInput) throws -> Table {
        try predictor.predict(try input.table(for: signature))
    }
}
