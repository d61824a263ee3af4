import CairnCore
import Foundation

/// The row and column counts of a matrix-shaped tensor (leading axes fold into rows).
private func matrix(_ tensor: Tensor, _ name: String) throws -> (rows: Int, columns: Int) {
    guard tensor.shape.count >= 1 else { throw CairnError.invalid("\(name) needs a matrix, got a scalar") }
    let columns = tensor.shape.last!
    return (columns == 0 ? 0 : tensor.count / columns, columns)
}

/// `C[i][j] = Σk A[i][k]·B[k][j]` for row-major `A (m×k)` and `B (k×n)`, optionally transposed, accumulated in double.
private func multiply(_ a: [Double], _ b: [Double], m: Int, k: Int, n: Int, transposeA: Bool = false, transposeB: Bool = false) throws -> [Double] {
    try Tensor.checkSize(m.multipliedReportingOverflow(by: n).overflow ? nil : m * n)
    var c = [Double](repeating: 0, count: m * n)
    for i in 0..<m {
        for p in 0..<k {
            let x = transposeA ? a[p * m + i] : a[i * k + p]
            if x == 0 { continue }
            for j in 0..<n { c[i * n + j] += x * (transposeB ? b[j * k + p] : b[p * n + j]) }
        }
    }
    return c
}

/// A float or double tensor built from double results, in the type of `like`.
private func numeric(_ values: [Double], shape: [Int], like: Tensor) throws -> Tensor {
    if case .double = like.elements { return try Tensor(shape: shape, elements: .double(values)) }
    return try Tensor(shape: shape, elements: .float(values.map { Float($0) }))
}

/// `MatMul` of a batch of rows `[..., K]` by a matrix `[K, N]`.
struct MatMul: Operator {
    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try required(inputs, 0)
        let b = try required(inputs, 1)
        let (m, k) = try matrix(a, "MatMul")
        guard b.shape.count == 2, b.shape[0] == k else { throw CairnError.invalid("MatMul cannot multiply shapes \(a.shape) and \(b.shape)") }
        let n = b.shape[1]
        if case .float(let x) = a.elements, case .float(let y) = b.elements {
            try Tensor.checkSize(m.multipliedReportingOverflow(by: n).overflow ? nil : m * n)
            return [try Tensor(shape: Array(a.shape.dropLast()) + [n], elements: .float(FloatMatrixProduct.multiply(x, y, m: m, k: k, n: n)))]
        }
        let product = try multiply(a.doubles(), b.doubles(), m: m, k: k, n: n)
        return [try numeric(product, shape: Array(a.shape.dropLast()) + [n], like: a)]
    }
}

/// `Gemm`: `alpha·A'·B' + beta·C` with optional transposes and a broadcast `C`.
struct Gemm: Operator {
    let alpha: Double, beta: Double, transposeA: Bool, transposeB: Bool

    init(_ attributes: NodeAttributes) {
        alpha = Double(attributes.float("alpha", default: 1))
        beta = Double(attributes.float("beta", default: 1))
        transposeA = attributes.int("transA", default: 0) != 0
        transposeB = attributes.int("transB", default: 0) != 0
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try required(inputs, 0)
        let b = try required(inputs, 1)
        guard a.shape.count == 2, b.shape.count == 2 else { throw CairnError.invalid("Gemm needs matrices, got \(a.shape) and \(b.shape)") }
        let (m, k) = transposeA ? (a.shape[1], a.shape[0]) : (a.shape[0], a.shape[1])
        let (kb, n) = transposeB ? (b.shape[1], b.shape[0]) : (b.shape[0], b.shape[1])
        guard k == kb else { throw CairnError.invalid("Gemm cannot multiply shapes \(a.shape) and \(b.shape)") }
        var product = try multiply(a.doubles(), b.doubles(), m: m, k: k, n: n, transposeA: transposeA, transposeB: transposeB)
        for index in product.indices { product[index] *= alpha }
        if inputs.count > 2, let c = inputs[2] {
            let (_, source) = try Broadcast.indices([m, n], c.shape, to: try Broadcast.shape([m, n], c.shape))
            let values = c.doubles()
            guard source.count == product.count else { throw CairnError.invalid("Gemm cannot add C of shape \(c.shape) to [\(m), \(n)]") }
            for index in product.indices { product[index] += beta * values[source[index]] }
        }
        return [try numeric(product, shape: [m, n], like: a)]
    }
}

/// `Softmax` over the last axis (opset ≥ 13) or over the flattened axes from `axis` on (older opsets).
struct Softmax: Operator {
    let axis: Int
    let flattensTrailingAxes: Bool

    init(_ attributes: NodeAttributes, opset: Int64) {
        flattensTrailingAxes = opset < 13
        axis = Int(attributes.int("axis", default: opset < 13 ? 1 : -1))
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let rank = input.shape.count
        let resolved = axis < 0 ? axis + rank : axis
        guard (0..<max(rank, 1)).contains(resolved), flattensTrailingAxes || resolved == rank - 1 else {
            throw CairnError(.notImplemented, "Softmax over axis \(axis) of a rank-\(rank) tensor is not supported")
        }
        let width = input.shape[resolved...].reduce(1, *)
        var values = input.doubles()
        for start in stride(from: 0, to: values.count, by: max(width, 1)) {
            let largest = values[start..<start + width].max() ?? 0
            var sum = 0.0
            for index in start..<start + width {
                values[index] = exp(values[index] - largest)
                sum += values[index]
            }
            for index in start..<start + width { values[index] /= sum }
        }
        return [try numeric(values, shape: input.shape, like: input)]
    }
}

/// `ArgMax` along an axis: the first index of the largest value, as int64.
struct ArgMax: Operator {
    let axis: Int
    let keepDimensions: Bool
    let selectLast: Bool

    init(_ attributes: NodeAttributes) {
        axis = Int(attributes.int("axis", default: 0))
        keepDimensions = attributes.int("keepdims", default: 1) != 0
        selectLast = attributes.int("select_last_index", default: 0) != 0
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let rank = input.shape.count
        let resolved = axis < 0 ? axis + rank : axis
        guard (0..<rank).contains(resolved), input.shape[resolved] > 0 else { throw CairnError.invalid("ArgMax axis \(axis) does not fit shape \(input.shape)") }
        let values = input.doubles()
        let size = input.shape[resolved]
        let inner = input.shape[(resolved + 1)...].reduce(1, *)
        let outer = input.shape[..<resolved].reduce(1, *)
        var result: [Int64] = []
        for o in 0..<outer {
            for i in 0..<inner {
                var best = 0
                for j in 1..<size {
                    let value = values[(o * size + j) * inner + i], current = values[(o * size + best) * inner + i]
                    if value > current || (selectLast && value == current) { best = j }
                }
                result.append(Int64(best))
            }
        }
        var shape = input.shape
        if keepDimensions { shape[resolved] = 1 } else { shape.remove(at: resolved) }
        return [try Tensor(shape: shape, elements: .int64(result))]
    }
}
