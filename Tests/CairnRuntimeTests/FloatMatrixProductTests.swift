import Testing

@testable import CairnRuntime

struct FloatMatrixProductTests {
    /// Deterministic values in [-2, 2) with a spread of magnitudes, so sums cancel and rounding shows.
    static func values(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(Int(state >> 40) % 4096 - 2048) / 1024 * Float(1 << Int(state >> 60 & 3)) / 4
        }
    }

    /// Shapes that exercise full register blocks and every remainder: rows not a multiple of 4, columns of 16 and 8
    /// and leftovers.
    static let shapes: [(m: Int, k: Int, n: Int)] = [(1, 30, 64), (7, 5, 19), (13, 64, 64), (4, 1, 3), (9, 33, 24)]

    @Test(arguments: 0..<shapes.count)
    func portableKernelRoundsTheExactSumOnce(_ shape: Int) {
        // Given two matrices
        let (m, k, n) = Self.shapes[shape]
        let a = Self.values(m * k, seed: 1), b = Self.values(k * n, seed: 2)
        // When the portable kernel multiplies them
        let product = FloatMatrixProduct.multiply(a, b, m: m, k: k, n: n, fused: false)
        // Then each element is the double sum of float products, in order, rounded to float once
        let expected = (0..<m * n).map { index in
            Float((0..<k).reduce(0.0) { $0 + Double(a[index / n * k + $1]) * Double(b[$1 * n + index % n]) })
        }
        #expect(product == expected)
    }

    @Test(.enabled(if: FloatMatrixProduct.fusedAvailable), arguments: 0..<shapes.count)
    func fusedKernelChainsFusedMultiplyAddsInOrder(_ shape: Int) {
        // Given two matrices, on a processor with AVX2 and FMA
        let (m, k, n) = Self.shapes[shape]
        let a = Self.values(m * k, seed: 3), b = Self.values(k * n, seed: 4)
        // When the fused kernel multiplies them
        let product = FloatMatrixProduct.multiply(a, b, m: m, k: k, n: n, fused: true)
        // Then each element is a chain of fused multiply-adds over k in order, as onnxruntime's SGEMM computes it
        let expected = (0..<m * n).map { index in
            (0..<k).reduce(Float(0)) { $0.addingProduct(a[index / n * k + $1], b[$1 * n + index % n]) }
        }
        #expect(product == expected)
    }
}
