import CairnCore

/// A dense, row-major tensor: what flows along the edges of an ONNX graph.
public struct Tensor: Sendable, Equatable {
    /// The element values, by type. Integer and boolean tensors are held as `Int64`.
    public enum Elements: Sendable, Equatable {
        case float([Float])
        case double([Double])
        case int64([Int64])
        case string([String])
    }

    /// The size of each dimension.
    public var shape: [Int]
    public var elements: Elements

    /// Makes a tensor.
    /// - Throws: `invalid_argument` when the element count is not the product of the shape.
    public init(shape: [Int], elements: Elements) throws {
        guard shape.allSatisfy({ $0 >= 0 }), Self.count(of: shape) == elements.count else {
            throw CairnError.invalid("a tensor of shape \(shape) cannot hold \(elements.count) values")
        }
        self.shape = shape
        self.elements = elements
    }

    /// The number of elements a shape holds, or `nil` when it overflows.
    static func count(of shape: [Int]) -> Int? {
        var total = 1
        for size in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            if overflow { return nil }
            total = product
        }
        return total
    }

    /// The element count.
    var count: Int { elements.count }

    /// The most elements one computed tensor may hold (a gibibyte of floats): a bound on memory for hostile graphs.
    static let maximumCount = 1 << 28

    /// Checks that a tensor about to be computed stays within ``maximumCount`` elements.
    /// - Throws: `too_large` when it would not.
    static func checkSize(_ count: Int?) throws {
        guard let count, count <= maximumCount else {
            throw CairnError(.tooLarge, "a tensor of \(count.map(String.init) ?? "overflowing") elements exceeds the limit of \(maximumCount)")
        }
    }

    /// The values as `Float`, converting other numeric types as ONNX's `Cast` does.
    /// - Throws: `invalid_argument` for a string tensor.
    func floats() throws -> [Float] {
        switch elements {
        case .float(let values): return values
        case .double(let values): return values.map { Float($0) }
        case .int64(let values): return values.map { Float($0) }
        case .string: throw CairnError.invalid("expected a numeric tensor, got strings")
        }
    }

    /// The values as `Int64` (used for shapes, indices and labels).
    /// - Throws: `invalid_argument` for a string tensor or a value out of range.
    func int64s() throws -> [Int64] {
        switch elements {
        case .int64(let values): return values
        case .float(let values): return try values.map { try Self.integer(Double($0)) }
        case .double(let values): return try values.map(Self.integer)
        case .string: throw CairnError.invalid("expected an integer tensor, got strings")
        }
    }

    private static func integer(_ value: Double) throws -> Int64 {
        guard value.isFinite, abs(value) < 9.2e18 else { throw CairnError.invalid("the value \(value) is not a whole number in range") }
        return Int64(value)
    }

    /// Each element as text: labels for output tables.
    func strings() -> [String] {
        switch elements {
        case .float(let values): values.map { "\($0)" }
        case .double(let values): values.map { "\($0)" }
        case .int64(let values): values.map { "\($0)" }
        case .string(let values): values
        }
    }

    /// Each element as a `Double`; strings become `NaN`.
    func doubles() -> [Double] {
        switch elements {
        case .float(let values): values.map(Double.init)
        case .double(let values): values
        case .int64(let values): values.map(Double.init)
        case .string(let values): values.map { _ in .nan }
        }
    }

    /// The tensor with a new shape holding the same number of elements.
    func reshaped(_ shape: [Int]) throws -> Tensor { try Tensor(shape: shape, elements: elements) }
}

extension Tensor.Elements {
    /// The element count.
    var count: Int {
        switch self {
        case .float(let v): v.count
        case .double(let v): v.count
        case .int64(let v): v.count
        case .string(let v): v.count
        }
    }

    /// The ONNX type name, for error messages and signatures.
    var typeName: String {
        switch self {
        case .float: "float"
        case .double: "double"
        case .int64: "int64"
        case .string: "string"
        }
    }

    /// The elements at `indices`, in that order.
    func selecting(_ indices: [Int]) -> Tensor.Elements {
        switch self {
        case .float(let v): .float(indices.map { v[$0] })
        case .double(let v): .double(indices.map { v[$0] })
        case .int64(let v): .int64(indices.map { v[$0] })
        case .string(let v): .string(indices.map { v[$0] })
        }
    }
}
