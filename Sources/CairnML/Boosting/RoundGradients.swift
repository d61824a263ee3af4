/// The gradients and hessians of a boosting round, one array per output, and the scratch they are computed in:
/// kept from round to round and written over, so a round allocates (and the system zeroes pages for) none of them.
struct RoundGradients {
    /// The gradient of each row, per output.
    private(set) var gradients: [[Double]] = []
    /// The hessian of each row, per output.
    private(set) var hessians: [[Double]] = []
    /// Multiclass softmax probabilities, class `k`'s of row `r` at `k * rowCount + r`.
    var probabilities: [Double] = []

    /// Sizes the arrays for `outputs` outputs of `rowCount` rows; arrays of the right size are kept as they are.
    mutating func resize(outputs: Int, rowCount: Int) {
        if gradients.count != outputs || gradients.first?.count != rowCount {
            gradients = [[Double]](repeating: [Double](repeating: 0, count: rowCount), count: outputs)
            hessians = gradients
        }
    }

    /// Calls `body` with the gradients and the hessians of output `output` to write; `body` may share the writes
    /// between threads, each row written by one thread only.
    mutating func write(_ output: Int, _ body: (_ gradients: SharedBuffer<Double>, _ hessians: SharedBuffer<Double>) -> Void) {
        gradients[output].withUnsafeMutableBufferPointer { g in
            hessians[output].withUnsafeMutableBufferPointer { h in body(SharedBuffer(base: g.baseAddress!), SharedBuffer(base: h.baseAddress!)) }
        }
    }
}
