/// The inputs and outputs of a model: what a caller must send and what it gets back.
public struct ModelSignature: Sendable, Equatable, Codable {
    /// One input or output.
    public struct Value: Sendable, Equatable, Codable {
        public let name: String
        /// The element type, such as `float`, `int64` or `string`.
        public let type: String
        /// The dimensions, `nil` for one of unknown size (the batch); `nil` when the shape is not declared.
        public let shape: [Int?]?

        public init(name: String, type: String, shape: [Int?]?) {
            self.name = name
            self.type = type
            self.shape = shape
        }
    }

    public let inputs: [Value]
    public let outputs: [Value]

    public init(inputs: [Value], outputs: [Value]) {
        self.inputs = inputs
        self.outputs = outputs
    }
}
