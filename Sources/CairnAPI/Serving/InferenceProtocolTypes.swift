// Wire types of the Open Inference Protocol (KServe V2) REST API, with the protocol's field names.

/// `GET /v2`: the server's metadata.
public struct V2ServerMetadata: Codable, Sendable {
    public var name: String
    public var version: String
    public var extensions: [String]

    public init(name: String, version: String, extensions: [String]) {
        self.name = name
        self.version = version
        self.extensions = extensions
    }
}

/// The name, datatype and shape of a model's input or output (`-1` marks a variable dimension).
public struct V2TensorMetadata: Codable, Sendable, Equatable {
    public var name: String
    public var datatype: String
    public var shape: [Int]

    public init(name: String, datatype: String, shape: [Int]) {
        self.name = name
        self.datatype = datatype
        self.shape = shape
    }
}

/// `GET /v2/models/{name}[/versions/{v}]`: a model's metadata.
public struct V2ModelMetadata: Codable, Sendable {
    public var name: String
    public var versions: [String]?
    public var platform: String
    public var inputs: [V2TensorMetadata]
    public var outputs: [V2TensorMetadata]

    public init(name: String, versions: [String]?, platform: String, inputs: [V2TensorMetadata], outputs: [V2TensorMetadata]) {
        self.name = name
        self.versions = versions
        self.platform = platform
        self.inputs = inputs
        self.outputs = outputs
    }
}

/// One tensor of a request or response; `data` is a flat or nested JSON array in row-major order, absent when the
/// tensor's bytes travel in the binary part of the body (its `binary_data_size` parameter says how many).
public struct V2Tensor: Codable, Sendable {
    public var name: String
    public var shape: [Int]
    public var datatype: String
    public var parameters: [String: JSONValue]?
    public var data: JSONValue?

    public init(name: String, shape: [Int], datatype: String, data: JSONValue?) {
        self.name = name
        self.shape = shape
        self.datatype = datatype
        self.data = data
    }
}

/// `POST …/infer` response body.
public struct V2InferenceResponse: Codable, Sendable {
    public var model_name: String
    public var model_version: String?
    public var id: String?
    public var outputs: [V2Tensor]

    public init(model_name: String, model_version: String?, id: String?, outputs: [V2Tensor]) {
        self.model_name = model_name
        self.model_version = model_version
        self.id = id
        self.outputs = outputs
    }
}

/// The body of every failed V2 request.
public struct V2ErrorBody: Codable, Sendable {
    public var error: String

    public init(error: String) { self.error = error }
}

/// `GET /v2/health/live`.
public struct V2LiveBody: Codable, Sendable {
    public var live: Bool

    public init(live: Bool) { self.live = live }
}

/// `GET /v2/health/ready`.
public struct V2ReadyBody: Codable, Sendable {
    public var ready: Bool

    public init(ready: Bool) { self.ready = ready }
}

/// `GET /v2/models/{name}[/versions/{v}]/ready`.
public struct V2ModelReadyBody: Codable, Sendable {
    public var name: String
    public var ready: Bool

    public init(name: String, ready: Bool) {
        self.name = name
        self.ready = ready
    }
}
