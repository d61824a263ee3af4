/// Sums a stream of terms as accurately as pairwise summation, in constant memory: each block of 128 terms is
/// summed pairwise (``NumericSample/pairwiseSum(_:_:)``), and the block sums are combined as a binary counter
/// carries, so that only sums of equally many terms are added together.
struct StreamingSum {
    private static let blockSize = 128
    private var block = InlineArray<128, Double>(repeating: 0)
    private var filled = 0
    /// `partials[k]` holds the sum of 2^k blocks when bit `k` of `blocks` is set.
    private var partials = InlineArray<64, Double>(repeating: 0)
    private var blocks: UInt64 = 0

    /// Adds a term.
    @inline(__always)
    mutating func add(_ term: Double) {
        block[filled] = term
        filled &+= 1
        if filled == Self.blockSize { carry(blockSum()) }
    }

    /// The sum of the terms added so far.
    var total: Double {
        var sum = blockSum()
        for level in 0..<64 where blocks & (1 << UInt64(level)) != 0 { sum = partials[level] + sum }
        return sum
    }

    private func blockSum() -> Double {
        block.span.withUnsafeBufferPointer { NumericSample.pairwiseSum(UnsafeBufferPointer(rebasing: $0[..<filled])) { $0 } }
    }

    private mutating func carry(_ sum: Double) {
        var sum = sum
        var level = 0
        while blocks & (1 << UInt64(level)) != 0 {
            sum = partials[level] + sum
            level += 1
        }
        partials[level] = sum
        blocks &+= 1
        filled = 0
    }
}
