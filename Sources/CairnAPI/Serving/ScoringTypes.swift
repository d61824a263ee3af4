/// The response of MLflow's scoring server (`POST /invocations`): one prediction per input row.
public struct MLflowPredictionsBody: Codable, Sendable {
    public var predictions: [JSONValue]

    public init(predictions: [JSONValue]) { self.predictions = predictions }
}
