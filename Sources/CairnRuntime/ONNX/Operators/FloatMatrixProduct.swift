import CRuntimeKernels

/// The float32 matrix product of the MLP paths: `C = A·B` for row-major `A (m×k)` and `B (k×n)`.
///
/// On processors with AVX2 and FMA it runs CRuntimeKernels' SGEMM, which sums each element over `k` in order with
/// fused multiply-adds as onnxruntime's SGEMM does. Elsewhere it runs a portable Swift kernel, register-blocked four
/// rows by four columns with SIMD, that sums in double (float products are exact in double) and rounds once: float32
/// sums without fused multiply-adds drift past 1e-6 of onnxruntime, double sums stay within float32 rounding of it.
enum FloatMatrixProduct {
    /// The rows and columns one register block of the portable kernel covers.
    private static var blockRows: Int { 4 }
    private static var blockColumns: Int { 4 }

    /// Whether this processor runs the fused multiply-add kernel.
    static let fusedAvailable = cairn_sgemm_fma_supported() != 0

    /// Returns `A·B`, `m × n` values row after row.
    /// - Parameter fused: whether to run the fused multiply-add kernel (only when `fusedAvailable`).
    /// - Precondition: `a` holds `m × k` values and `b` holds `k × n`.
    static func multiply(_ a: [Float], _ b: [Float], m: Int, k: Int, n: Int, fused: Bool = fusedAvailable) -> [Float] {
        precondition(a.count == m * k && b.count == k * n, "matrices of \(m) × \(k) and \(k) × \(n) need as many values")
        precondition(!fused || fusedAvailable, "the fused multiply-add kernel needs AVX2 and FMA")
        guard m > 0, n > 0 else { return [] }
        if fused, k > 0 {
            return [Float](unsafeUninitializedCapacity: m * n) { c, initialized in
                cairn_sgemm_fma(a, b, c.baseAddress!, m, k, n)
                initialized = m * n
            }
        }
        let weights = b.map(Double.init)
        return [Float](unsafeUninitializedCapacity: m * n) { c, initialized in
            a.withUnsafeBufferPointer { a in
                weights.withUnsafeBufferPointer { b in
                    multiply(a.baseAddress, b.baseAddress, c.baseAddress!, m: m, k: k, n: n)
                }
            }
            initialized = m * n
        }
    }

    private static func multiply(_ a: UnsafePointer<Float>?, _ b: UnsafePointer<Double>?, _ c: UnsafeMutablePointer<Float>, m: Int, k: Int, n: Int) {
        guard let a, let b, k > 0 else {
            c.initialize(repeating: 0, count: m * n)
            return
        }
        let fullColumns = n - n % blockColumns
        var row = 0
        while row + blockRows <= m {
            for column in stride(from: 0, to: fullColumns, by: blockColumns) { block4x4(a, b, c, row: row, column: column, k: k, n: n) }
            for r in row..<row + blockRows { tail(a, b, c, row: r, from: fullColumns, k: k, n: n) }
            row += blockRows
        }
        while row < m {
            for column in stride(from: 0, to: fullColumns, by: blockColumns) { block1x4(a, b, c, row: row, column: column, k: k, n: n) }
            tail(a, b, c, row: row, from: fullColumns, k: k, n: n)
            row += 1
        }
    }

    /// Four columns of four rows, in accumulators that stay in registers across `k`.
    @inline(__always)
    private static func block4x4(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Float>, row: Int, column: Int, k: Int, n: Int) {
        var c0 = SIMD4<Double>(), c1 = SIMD4<Double>(), c2 = SIMD4<Double>(), c3 = SIMD4<Double>()
        let a0 = a + row * k, a1 = a0 + k, a2 = a1 + k, a3 = a2 + k
        var bp = b + column
        for p in 0..<k {
            let v = UnsafeRawPointer(bp).loadUnaligned(as: SIMD4<Double>.self)
            c0 += Double(a0[p]) * v
            c1 += Double(a1[p]) * v
            c2 += Double(a2[p]) * v
            c3 += Double(a3[p]) * v
            bp += n
        }
        store(c0, c + row * n + column)
        store(c1, c + (row + 1) * n + column)
        store(c2, c + (row + 2) * n + column)
        store(c3, c + (row + 3) * n + column)
    }

    /// Four columns of one row.
    @inline(__always)
    private static func block1x4(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Float>, row: Int, column: Int, k: Int, n: Int) {
        var sum = SIMD4<Double>()
        let a0 = a + row * k
        var bp = b + column
        for p in 0..<k {
            sum += Double(a0[p]) * UnsafeRawPointer(bp).loadUnaligned(as: SIMD4<Double>.self)
            bp += n
        }
        store(sum, c + row * n + column)
    }

    /// Rounds four sums to float and stores them.
    @inline(__always)
    private static func store(_ sums: SIMD4<Double>, _ out: UnsafeMutablePointer<Float>) {
        UnsafeMutableRawPointer(out).storeBytes(of: SIMD4<Float>(sums), as: SIMD4<Float>.self)
    }

    /// The columns from `start` to `n` of one row, one at a time.
    @inline(__always)
    private static func tail(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Float>, row: Int, from start: Int, k: Int, n: Int) {
        for column in start..<n {
            var sum: Double = 0
            for p in 0..<k { sum += Double(a[row * k + p]) * b[p * n + column] }
            c[row * n + column] = Float(sum)
        }
    }
}
