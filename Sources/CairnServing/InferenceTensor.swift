/// A named tensor of the Open Inference Protocol, with its elements flattened in row-major order.
public struct InferenceTensor: Sendable, Equatable {
    public var name: String
    public var datatype: TensorDatatype
    public var shape: [Int]
    public var values: [FeatureValue]

    public init(name: String, datatype: TensorDatatype, shape: [Int], values: [FeatureValue]) {
        self.name = name
        self.datatype = datatype
        self.shape = shape
        self.values = values
    }
}
