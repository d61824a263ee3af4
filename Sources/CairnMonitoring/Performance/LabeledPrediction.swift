/// One logged prediction request with its ground truth, as monitoring reads the prediction log.
public struct LabeledPrediction: Sendable, Equatable {
    public var requestID: String
    public var model: String
    public var version: String
    /// The request's input columns as a JSON object of arrays (`{"x": [1.5], "color": ["red"]}`).
    public var inputs: String
    /// The predictor's output columns in the same form (`label` and `probability(<class>)`, or `prediction`).
    public var outputs: String
    /// When the prediction was made, in milliseconds since the epoch.
    public var time: Int64
    /// The posted ground truth as JSON text (one value, or an array with one value per row), or `nil`.
    public var label: String?

    public init(requestID: String, model: String, version: String, inputs: String, outputs: String, time: Int64, label: String?) {
        self.requestID = requestID
        self.model = model
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.time = time
        self.label = label
    }
}

/// Read access to serving's prediction log, joined with the labels posted for it: the port monitoring reads
/// through (the store implements it on both databases).
public protocol PredictionLogReader: Sendable {
    /// The predictions of `deployment` made in `[start, end)`, oldest first (by time, then request id), each with
    /// its label if one was posted; at most `limit` of them.
    func labeledPredictions(deployment: String, start: Int64, end: Int64, limit: Int) async throws -> [LabeledPrediction]

    /// Whether a deployment of that name exists.
    func deploymentExists(_ name: String) async throws -> Bool
}
