/// One logged prediction: what came in, what went out, which version answered, how long it took.
public struct PredictionRecord: Sendable, Equatable {
    public var requestID: String
    public var deployment: String
    public var model: String
    public var version: String
    /// The model's input columns as a JSON object of arrays (`{"x": [1.5], "color": ["red"]}`).
    public var inputs: String
    /// The predictor's output columns in the same form (`label`, `probability(<class>)`… or `prediction`).
    public var outputs: String
    public var latencyMicros: Int64
    /// When the prediction was made, in milliseconds since the epoch.
    public var time: Int64

    public init(
        requestID: String, deployment: String, model: String, version: String, inputs: String, outputs: String, latencyMicros: Int64,
        time: Int64
    ) {
        self.requestID = requestID
        self.deployment = deployment
        self.model = model
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.latencyMicros = latencyMicros
        self.time = time
    }
}

/// Where the prediction log goes: the port Monitoring reads through. Every method is one transaction.
public protocol PredictionSink: Sendable {
    /// Appends predictions in one transaction. A request id already logged is kept as it was (a retried flush does
    /// not duplicate records).
    func appendPredictions(_ records: [PredictionRecord]) async throws

    /// The predictions of a deployment, newest first, at most `limit`.
    func predictions(deployment: String, limit: Int) async throws -> [PredictionRecord]

    /// Records the ground truth of a logged prediction (replacing an earlier label for it).
    /// - Parameter label: the true label or value as JSON text.
    /// - Returns: whether a prediction of `deployment` with that request id exists (nothing is recorded otherwise).
    func recordLabel(deployment: String, requestID: String, label: String, time: Int64) async throws -> Bool

    /// The ground-truth label recorded for a request, as JSON text, or `nil`.
    func label(requestID: String) async throws -> String?
}
