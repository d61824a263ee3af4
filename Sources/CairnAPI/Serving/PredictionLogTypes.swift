/// One ground-truth label: the request id a prediction answered with (`X-Request-Id`, or the V2 `id`) and the
/// true label or value.
public struct LabelBody: Codable, Sendable {
    public var request_id: String
    public var label: JSONValue

    public init(request_id: String, label: JSONValue) {
        self.request_id = request_id
        self.label = label
    }
}

/// `POST /api/cairn/v1/deployments/{name}/labels` request.
public struct RecordLabelsRequest: Codable, Sendable {
    public var labels: [LabelBody]

    public init(labels: [LabelBody]) { self.labels = labels }
}

/// `POST /api/cairn/v1/deployments/{name}/labels` response: request ids that matched no logged prediction.
public struct RecordLabelsResponse: Codable, Sendable {
    public var unknown_request_ids: [String]

    public init(unknown_request_ids: [String]) { self.unknown_request_ids = unknown_request_ids }
}

/// One logged prediction.
public struct PredictionBody: Codable, Sendable {
    public var request_id: String
    public var model: String
    public var version: String
    /// Input columns: `{"column": [values]}`.
    public var inputs: JSONValue
    /// Output columns: `{"label": […], "probability(<class>)": […]}` or `{"prediction": […]}`.
    public var outputs: JSONValue
    public var latency_micros: Int64
    public var time: Int64

    public init(request_id: String, model: String, version: String, inputs: JSONValue, outputs: JSONValue, latency_micros: Int64, time: Int64) {
        self.request_id = request_id
        self.model = model
        self.version = version
        self.inputs = inputs
        self.outputs = outputs
        self.latency_micros = latency_micros
        self.time = time
    }
}

/// `GET /api/cairn/v1/deployments/{name}/predictions` response, newest first.
public struct PredictionsResponse: Codable, Sendable {
    public var predictions: [PredictionBody]

    public init(predictions: [PredictionBody]) { self.predictions = predictions }
}
