import CairnCore
import Foundation

/// One-input element-wise operators: `Relu`, `Sigmoid`, `Tanh`, `Exp`, `Abs`, `Neg`, `Sqrt`.
struct Unary: Operator {
    enum Function: String, CaseIterable { case Relu, Sigmoid, Tanh, Exp, Abs, Neg, Sqrt }
    let function: Function

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        switch input.elements {
        case .double(let values): return [try Tensor(shape: input.shape, elements: .double(values.map(apply)))]
        case .float(let values) where function == .Relu:
            // Exact in float32: the hot path of MLP graphs skips the round trip through double.
            return [try Tensor(shape: input.shape, elements: .float(Self.relu(values)))]
        default: return [try Tensor(shape: input.shape, elements: .float(try input.floats().map { Float(apply(Double($0))) }))]
        }
    }

    /// `max(x, 0)` of every value, eight lanes at a time; `NaN` stays `NaN`, `-0` becomes `0`.
    private static func relu(_ values: [Float]) -> [Float] {
        guard !values.isEmpty else { return [] }
        return [Float](unsafeUninitializedCapacity: values.count) { out, initialized in
            values.withUnsafeBufferPointer { values in
                let source = UnsafeRawPointer(values.baseAddress!), target = UnsafeMutableRawPointer(out.baseAddress!)
                var index = 0
                while index + 8 <= values.count {
                    let v = source.loadUnaligned(fromByteOffset: index * 4, as: SIMD8<Float>.self)
                    target.storeBytes(of: v.replacing(with: 0, where: v .<= 0), toByteOffset: index * 4, as: SIMD8<Float>.self)
                    index += 8
                }
                for rest in index..<values.count { out[rest] = values[rest] <= 0 ? 0 : values[rest] }
            }
            initialized = values.count
        }
    }

    private func apply(_ x: Double) -> Double {
        switch function {
        case .Relu: max(x, 0)
        case .Sigmoid: 1 / (1 + exp(-x))
        case .Tanh: tanh(x)
        case .Exp: exp(x)
        case .Abs: abs(x)
        case .Neg: -x
        case .Sqrt: x.squareRoot()
        }
    }
}

/// Two-input arithmetic with numpy broadcasting: `Add`, `Sub`, `Mul`, `Div`.
struct Binary: Operator {
    enum Function: String, CaseIterable { case Add, Sub, Mul, Div }
    let function: Function

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try required(inputs, 0)
        let b = try required(inputs, 1)
        let shape = try Broadcast.shape(a.shape, b.shape)
        if let p = Broadcast.period(a.shape, shape), let q = Broadcast.period(b.shape, shape), p > 0, q > 0,
            case .float(let x) = a.elements, case .float(let y) = b.elements
        {
            // The hot path of MLP graphs: float tensors, a bias row or scalar repeated down the batch.
            let count = Tensor.count(of: shape) ?? 0
            switch function {
            case .Add: return [try Tensor(shape: shape, elements: .float(Self.repeating(x, p, y, q, count: count, { $0 + $1 }, { $0 + $1 })))]
            case .Sub: return [try Tensor(shape: shape, elements: .float(Self.repeating(x, p, y, q, count: count, { $0 - $1 }, { $0 - $1 })))]
            case .Mul: return [try Tensor(shape: shape, elements: .float(Self.repeating(x, p, y, q, count: count, { $0 * $1 }, { $0 * $1 })))]
            case .Div: return [try Tensor(shape: shape, elements: .float(Self.repeating(x, p, y, q, count: count, { $0 / $1 }, { $0 / $1 })))]
            }
        }
        let (left, right) = try Broadcast.indices(a.shape, b.shape, to: shape)
        switch (a.elements, b.elements) {
        case (.int64(let x), .int64(let y)):
            return [try Tensor(shape: shape, elements: .int64(try zip(left, right).map { try integer(x[$0], y[$1]) }))]
        case (.double(let x), .double(let y)):
            return [try Tensor(shape: shape, elements: .double(zip(left, right).map { apply(x[$0], y[$1]) }))]
        default:
            let x = try a.floats(), y = try b.floats()
            return [try Tensor(shape: shape, elements: .float(zip(left, right).map { apply(x[$0], y[$1]) }))]
        }
    }

    /// `f(x[i % p], y[i % q])` for `i` below `count`, in runs where neither operand wraps (a bias row added down the
    /// batch runs once per row), eight lanes at a time with `lanes`.
    @inline(__always)
    private static func repeating(
        _ x: [Float], _ p: Int, _ y: [Float], _ q: Int, count: Int, _ f: (Float, Float) -> Float,
        _ lanes: (SIMD8<Float>, SIMD8<Float>) -> SIMD8<Float>
    ) -> [Float] {
        guard count > 0 else { return [] }
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            x.withUnsafeBufferPointer { x in
                y.withUnsafeBufferPointer { y in
                    let xs = UnsafeRawPointer(x.baseAddress!), ys = UnsafeRawPointer(y.baseAddress!)
                    let os = UnsafeMutableRawPointer(out.baseAddress!)
                    let stride = MemoryLayout<Float>.stride
                    var index = 0
                    while index < count {
                        let i = index % p, j = index % q
                        let run = min(p - i, q - j, count - index)
                        var offset = 0
                        if p > 1, q > 1 {
                            while offset + 8 <= run {
                                let a = xs.loadUnaligned(fromByteOffset: (i + offset) * stride, as: SIMD8<Float>.self)
                                let b = ys.loadUnaligned(fromByteOffset: (j + offset) * stride, as: SIMD8<Float>.self)
                                os.storeBytes(of: lanes(a, b), toByteOffset: (index + offset) * stride, as: SIMD8<Float>.self)
                                offset += 8
                            }
                        }
                        while offset < run {
                            out[index + offset] = f(x[i + offset], y[j + offset])
                            offset += 1
                        }
                        index += run
                    }
                }
            }
            initialized = count
        }
    }

    private func apply<T: FloatingPoint>(_ x: T, _ y: T) -> T {
        switch function {
        case .Add: x + y
        case .Sub: x - y
        case .Mul: x * y
        case .Div: x / y
        }
    }

    private func integer(_ x: Int64, _ y: Int64) throws -> Int64 {
        switch function {
        case .Add: return x &+ y
        case .Sub: return x &- y
        case .Mul: return x &* y
        case .Div:
            guard y != 0 else { throw CairnError.invalid("integer division by zero") }
            return x / y
        }
    }
}

/// Numpy-style broadcasting of two shapes.
enum Broadcast {
    /// The shape two shapes broadcast to.
    /// - Throws: `invalid_argument` when they are incompatible.
    static func shape(_ a: [Int], _ b: [Int]) throws -> [Int] {
        let rank = max(a.count, b.count)
        let x = [Int](repeating: 1, count: rank - a.count) + a
        let y = [Int](repeating: 1, count: rank - b.count) + b
        return try zip(x, y).map { p, q in
            guard p == q || p == 1 || q == 1 else { throw CairnError.invalid("shapes \(a) and \(b) do not broadcast") }
            return p == 1 ? q : p
        }
    }

    /// When `input` broadcasts to `shape` by repeating all its elements in order (the same shape, a scalar, or a row
    /// of trailing dimensions repeated down the batch), its element count; otherwise `nil`.
    static func period(_ input: [Int], _ shape: [Int]) -> Int? {
        let trailing = Array(input.drop { $0 == 1 })
        guard shape.count >= trailing.count, Array(shape.suffix(trailing.count)) == trailing else { return nil }
        return trailing.reduce(1, *)
    }

    /// For each element of `shape`, the element of `a` and of `b` it reads.
    static func indices(_ a: [Int], _ b: [Int], to shape: [Int]) throws -> ([Int], [Int]) {
        (try source(a, shape), try source(b, shape))
    }

    private static func source(_ input: [Int], _ shape: [Int]) throws -> [Int] {
        let count = Tensor.count(of: shape) ?? Int.max
        try Tensor.checkSize(count)
        if let period = period(input, shape) { return (0..<count).map { $0 % period } }
        let padded = [Int](repeating: 1, count: shape.count - input.count) + input
        var strides = [Int](repeating: 0, count: shape.count)
        var step = 1
        for axis in (0..<shape.count).reversed() {
            strides[axis] = padded[axis] == 1 ? 0 : step
            step *= padded[axis]
        }
        var result = [Int](repeating: 0, count: count)
        var index = [Int](repeating: 0, count: shape.count)
        var offset = 0
        for element in 0..<count {
            result[element] = offset
            var axis = shape.count - 1
            while axis >= 0 {
                index[axis] += 1
                offset += strides[axis]
                if index[axis] < shape[axis] { break }
                offset -= strides[axis] * index[axis]
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }
}

/// `Identity`, and `ZipMap` treated as the identity: Cairn returns the probability tensor, not a list of maps.
struct PassThrough: Operator {
    func run(_ inputs: [Tensor?]) throws -> [Tensor] { [try required(inputs, 0)] }
}

/// `Cast` to float, double, an integer type, bool or string.
struct Cast: Operator {
    let target: Tensor.DataType

    init(_ attributes: NodeAttributes) throws {
        let to = try attributes.int("to")
        guard let target = Tensor.DataType(rawValue: Int32(truncatingIfNeeded: to)) else { throw attributes.unsupported("a cast to type \(to)") }
        self.target = target
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let elements: Tensor.Elements
        switch target {
        case .float:
            if case .float(let values) = input.elements { elements = .float(values) } else { elements = .float(try numbers(input).map { Float($0) }) }
        case .double: elements = .double(try numbers(input))
        case .string: elements = .string(input.strings())
        case .bool: elements = .int64(try numbers(input).map { $0 != 0 ? 1 : 0 })
        default:
            if case .int64(let values) = input.elements { elements = .int64(values) } else { elements = .int64(try input.int64s()) }
        }
        return [try Tensor(shape: input.shape, elements: elements)]
    }

    private func numbers(_ input: Tensor) throws -> [Double] {
        if case .string(let values) = input.elements {
            return try values.map {
                guard let value = Double($0) else { throw CairnError.invalid("Cast cannot read '\($0)' as a number") }
                return value
            }
        }
        if case .float(let values) = input.elements { return values.map(Double.init) }
        return input.doubles()
    }
}
