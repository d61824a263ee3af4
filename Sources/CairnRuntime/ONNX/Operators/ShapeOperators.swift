import CairnCore

/// Resolves a possibly negative axis against a rank.
private func resolve(_ axis: Int, rank: Int, _ name: String) throws -> Int {
    let resolved = axis < 0 ? axis + rank : axis
    guard (0..<max(rank, 1)).contains(resolved) else { throw CairnError.invalid("\(name) axis \(axis) does not fit rank \(rank)") }
    return resolved
}

/// `Concat` along an axis; inputs must agree on every other axis and on element type.
struct Concat: Operator {
    let axis: Int

    init(_ attributes: NodeAttributes) throws { axis = Int(try attributes.int("axis")) }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let tensors = inputs.compactMap { $0 }
        guard let first = tensors.first else { throw CairnError.invalid("Concat has no inputs") }
        let rank = first.shape.count
        let resolved = try resolve(axis, rank: rank, "Concat")
        for tensor in tensors {
            guard tensor.shape.count == rank, zip(tensor.shape, first.shape).enumerated().allSatisfy({ $0.offset == resolved || $0.element.0 == $0.element.1 }) else {
                throw CairnError.invalid("Concat cannot join shapes \(first.shape) and \(tensor.shape)")
            }
        }
        let outer = first.shape[..<resolved].reduce(1, *)
        let chunks = tensors.map { $0.shape[resolved...].reduce(1, *) }
        try Tensor.checkSize(chunks.reduce(0, +) * outer)
        var order: [(tensor: Int, index: Int)] = []
        for o in 0..<outer {
            for (t, chunk) in chunks.enumerated() { for i in 0..<chunk { order.append((t, o * chunk + i)) } }
        }
        var shape = first.shape
        shape[resolved] = tensors.reduce(0) { $0 + $1.shape[resolved] }
        let elements: Tensor.Elements
        if tensors.allSatisfy({ if case .string = $0.elements { true } else { false } }) {
            let values = tensors.map { $0.strings() }
            elements = .string(order.map { values[$0.tensor][$0.index] })
        } else if tensors.allSatisfy({ if case .int64 = $0.elements { true } else { false } }) {
            let values = try tensors.map { try $0.int64s() }
            elements = .int64(order.map { values[$0.tensor][$0.index] })
        } else if tensors.allSatisfy({ if case .double = $0.elements { true } else { false } }) {
            let values = tensors.map { $0.doubles() }
            elements = .double(order.map { values[$0.tensor][$0.index] })
        } else {
            let values = try tensors.map { try $0.floats() }
            elements = .float(order.map { values[$0.tensor][$0.index] })
        }
        return [try Tensor(shape: shape, elements: elements)]
    }
}

/// `Reshape` to the shape in its second input (`0` copies a dimension, `-1` is inferred).
struct Reshape: Operator {
    let allowZero: Bool

    init(_ attributes: NodeAttributes) { allowZero = attributes.int("allowzero", default: 0) != 0 }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let requested = try required(inputs, 1).int64s()
        var shape = try requested.enumerated().map { index, size -> Int in
            if size == 0, !allowZero {
                guard index < input.shape.count else { throw CairnError.invalid("Reshape copies axis \(index) of shape \(input.shape)") }
                return input.shape[index]
            }
            guard size >= -1, size <= Int64(Int32.max) else { throw CairnError.invalid("Reshape to size \(size)") }
            return Int(size)
        }
        if let inferred = shape.firstIndex(of: -1) {
            let known = Tensor.count(of: shape.enumerated().filter { $0.offset != inferred }.map(\.element)) ?? 0
            guard known > 0, input.count % known == 0, shape.filter({ $0 == -1 }).count == 1 else {
                throw CairnError.invalid("Reshape cannot turn shape \(input.shape) into \(requested)")
            }
            shape[inferred] = input.count / known
        }
        guard Tensor.count(of: shape) == input.count else { throw CairnError.invalid("Reshape cannot turn shape \(input.shape) into \(requested)") }
        return [try input.reshaped(shape)]
    }
}

/// `Flatten` into a matrix at an axis.
struct Flatten: Operator {
    let axis: Int

    init(_ attributes: NodeAttributes) { axis = Int(attributes.int("axis", default: 1)) }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let resolved = axis < 0 ? axis + input.shape.count : axis
        guard (0...input.shape.count).contains(resolved) else { throw CairnError.invalid("Flatten axis \(axis) does not fit shape \(input.shape)") }
        return [try input.reshaped([input.shape[..<resolved].reduce(1, *), input.shape[resolved...].reduce(1, *)])]
    }
}

/// `Gather` along an axis, with negative indices counting from the end.
struct Gather: Operator {
    let axis: Int

    init(_ attributes: NodeAttributes) { axis = Int(attributes.int("axis", default: 0)) }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let data = try required(inputs, 0)
        let indices = try required(inputs, 1)
        let resolved = try resolve(axis, rank: data.shape.count, "Gather")
        let size = data.shape[resolved]
        let outer = data.shape[..<resolved].reduce(1, *)
        let inner = data.shape[(resolved + 1)...].reduce(1, *)
        let picks = try indices.int64s().map { index -> Int in
            let wrapped = index < 0 ? index + Int64(size) : index
            guard (0..<Int64(size)).contains(wrapped) else { throw CairnError.invalid("Gather index \(index) is out of range for size \(size)") }
            return Int(wrapped)
        }
        try Tensor.checkSize(outer * picks.count * inner)
        var order: [Int] = []
        for o in 0..<outer { for pick in picks { for i in 0..<inner { order.append((o * size + pick) * inner + i) } } }
        let shape = Array(data.shape[..<resolved]) + indices.shape + Array(data.shape[(resolved + 1)...])
        return [try Tensor(shape: shape, elements: data.elements.selecting(order))]
    }
}

/// `ai.onnx.ml.ArrayFeatureExtractor`: picks elements along the last axis.
struct ArrayFeatureExtractor: Operator {
    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let data = try required(inputs, 0)
        let picks = try required(inputs, 1).int64s()
        guard let width = data.shape.last else { throw CairnError.invalid("ArrayFeatureExtractor needs a tensor, got a scalar") }
        let rows = width == 0 ? 0 : data.count / width
        try Tensor.checkSize(rows * picks.count)
        var order: [Int] = []
        for row in 0..<rows {
            for pick in picks {
                guard (0..<Int64(width)).contains(pick) else { throw CairnError.invalid("ArrayFeatureExtractor index \(pick) is out of range for \(width)") }
                order.append(row * width + Int(pick))
            }
        }
        let shape = data.shape.count == 1 ? [1, picks.count] : Array(data.shape.dropLast()) + [picks.count]
        return [try Tensor(shape: shape, elements: data.elements.selecting(order))]
    }
}
