#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// Finds the delimiters and newlines of delimited text a 64-byte block at a time: the block becomes one bit per
/// byte (sixteen bytes per SSE2 comparison on x86-64, eight per word-wide arithmetic, SWAR, elsewhere), so the end of
/// each field is a count of trailing zeros instead of a loop over its bytes, and reading one field's number does not
/// delay finding the next.
struct CSVSeparatorFinder {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let delimiter: UInt8
    /// Where the current block starts.
    private var blockStart = 0
    /// Bit `k` is set when the byte at `blockStart + k` is a delimiter or a newline, or is `end`.
    private var bits: UInt64 = 0

    /// A finder over the bytes before `end` at `base`.
    init(_ base: UnsafePointer<UInt8>, end: Int, delimiter: UInt8) {
        self.base = base
        self.end = end
        self.delimiter = delimiter
    }

    /// The index of the first delimiter or newline at or after `i`, or `end` when there is none.
    @inline(__always)
    mutating func next(from i: Int) -> Int {
        let offset = UInt(bitPattern: i &- blockStart)
        if offset < 64 {
            let rest = bits &>> UInt64(offset)
            if rest != 0 { return i &+ rest.trailingZeroBitCount }
        }
        return nextInLaterBlocks(from: i)
    }

    /// ``next(from:)`` when the current block does not hold the answer: reads blocks from `i` until one does.
    private mutating func nextInLaterBlocks(from i: Int) -> Int {
        var start = i
        while start < end {
            blockStart = start
            bits = start + 64 <= end ? fullBlock(base + start) : lastBlock(from: start)
            if bits != 0 { return start + bits.trailingZeroBitCount }
            start += 64
        }
        return end
    }

    /// The separator bits of the 64 bytes at `bytes`.
    @inline(__always)
    private func fullBlock(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        var bits: UInt64 = 0
        #if arch(x86_64)
        // Every x86-64 processor has SSE2: a comparison's byte mask is one bit per byte (`pmovmskb`).
        let delimiters = _mm_set1_epi8(CChar(bitPattern: delimiter))
        let newlines = _mm_set1_epi8(CChar(bitPattern: CSVFieldScanner.newline))
        for part in 0..<4 {
            let bytes = _mm_loadu_si128(UnsafeRawPointer(bytes + 16 * part).assumingMemoryBound(to: __m128i.self))
            let separators = _mm_or_si128(_mm_cmpeq_epi8(bytes, delimiters), _mm_cmpeq_epi8(bytes, newlines))
            bits |= UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(separators))) << UInt64(16 * part)
        }
        #else
        // Eight bytes at a time: a byte equal to the delimiter or a newline is a zero byte after the xor.
        let delimiters = UInt64(delimiter) &* ByteWord.ones
        let newlines = UInt64(CSVFieldScanner.newline) &* ByteWord.ones
        for part in 0..<8 {
            let word = ByteWord.load(bytes + 8 * part)
            let separators = ByteWord.zeroBytes(word ^ delimiters) | ByteWord.zeroBytes(word ^ newlines)
            bits |= ByteWord.gathered(separators) << UInt64(8 * part)
        }
        #endif
        return bits
    }

    /// The separator bits of the fewer than 64 bytes from `start` to `end`, with the bit for `end` set.
    private func lastBlock(from start: Int) -> UInt64 {
        var bits: UInt64 = 1 << UInt64(end - start)
        for k in start..<end where base[k] == delimiter || base[k] == CSVFieldScanner.newline {
            bits |= 1 << UInt64(k - start)
        }
        return bits
    }
}
