import CairnCore
import CairnML

/// The rows of a prediction request, as a protocol carries them, before they meet a model's signature.
public enum InferenceInput: Sendable {
    /// Open Inference Protocol tensors (see ``TensorInput``).
    case tensors([InferenceTensor])
    /// Values by column name (MLflow's scoring formats).
    case columns([String: [FeatureValue]])
    /// Rows of values in the order of the model's inputs (MLflow's formats without column names).
    case rows([[FeatureValue]])

    /// The table of features a model with `signature` predicts on.
    /// - Throws: `invalidArgument` naming the input that does not match.
    public func table(for signature: ServingSignature) throws -> Table {
        switch self {
        case .tensors(let tensors): try InputTable.make(columns: TensorInput.columns(tensors, signature: signature), signature: signature)
        case .columns(let columns): try InputTable.make(columns: columns, signature: signature)
        case .rows(let rows): try InputTable.make(columns: Self.columns(rows, names: signature.inputNames), signature: signature)
        }
    }

    private static func columns(_ rows: [[FeatureValue]], names: [String]) throws -> [String: [FeatureValue]] {
        if let bad = rows.firstIndex(where: { $0.count != names.count }) {
            throw CairnError.invalid("Row \(bad) has \(rows[bad].count) values; the model takes \(names.count) inputs \(InputTable.list(names))")
        }
        var columns: [String: [FeatureValue]] = [:]
        for (index, name) in names.enumerated() { columns[name] = rows.map { $0[index] } }
        return columns
    }
}

/// One prediction request to an endpoint.
public struct InferenceRequest: Sendable {
    /// The request id (the caller's, or one made by the server).
    public var id: String
    public var input: InferenceInput
    /// A version the caller pins (`/versions/{v}`), or `nil` to let the endpoint route.
    public var version: String?
    /// The request's HTTP headers by lowercased name (a deployment may route on one).
    public var headers: [String: String]
    /// The caller's own limit on how long the prediction may take (the Open Inference Protocol's `timeout`
    /// parameter); the endpoint's timeout applies when it is shorter or this is `nil`.
    public var timeout: Duration?

    public init(id: String, input: InferenceInput, version: String? = nil, headers: [String: String] = [:], timeout: Duration? = nil) {
        self.id = id
        self.input = input
        self.version = version
        self.headers = headers
        self.timeout = timeout
    }
}

extension InferenceRequest {
    /// The Open Inference Protocol's `timeout` parameter, in microseconds as Triton sends it; 0 means none.
    /// - Throws: `invalidArgument` for a negative value.
    public static func timeout(micros: Int64) throws -> Duration? {
        guard micros >= 0 else { throw CairnError.invalid("parameters.timeout must not be negative") }
        return micros == 0 ? nil : .microseconds(micros)
    }
}

/// The answer to an ``InferenceRequest``.
public struct InferenceResult: Sendable {
    /// The model version that answered.
    public var model: ServedModel
    /// The predictor's output table (see ``PredictionOutput``).
    public var predictions: Table

    public init(model: ServedModel, predictions: Table) {
        self.model = model
        self.predictions = predictions
    }
}
