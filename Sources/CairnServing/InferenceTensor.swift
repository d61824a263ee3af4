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

extension InferenceTensor {
    /// The number of elements a tensor of `shape` holds, or `nil` when a dimension is negative or the product
    /// overflows (a hostile shape must get an error, not a trap).
    public static func elementCount(of shape: [Int]) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        return count
    }
}
