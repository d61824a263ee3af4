/// Finds the delimiters and newlines of delimited text a 64-byte block at a time: the block becomes one bit per
/// byte, computed eight bytes at a time with word-wide arithmetic (SWAR), so the end of each field is a count of
/// trailing zeros instead of a loop over its bytes, and reading one field's number does not delay finding the next.
struct CSVSeparatorFinder {
    private let base: UnsafePointer<UInt8>
    private let end: Int
    private let delimiter: UInt8
    /// The delimiter in every byte of a word.
    private let delimiters: UInt64
    /// Where the current block starts.
    private var blockStart = 0
    /// Bit `k` is set when the byte at `blockStart + k` is a delimiter or a newline, or is `end`.
    private var bits: UInt64 = 0

    private static let newlines = UInt64(CSVFieldScanner.newline) &* ByteWord.ones

    /// A finder over the bytes before `end` at `base`.
    init(_ base: UnsafePointer<UInt8>, end: Int, delimiter: UInt8) {
        self.base = base
        self.end = end
        self.delimiter = delimiter
        delimiters = UInt64(delimiter) &* ByteWord.ones
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
        for word in 0..<8 {
            bits |= separatorBits(ByteWord.load(bytes + 8 * word)) << UInt64(8 * word)
        }
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

    /// Bit `k` set when byte `k` of the word is a delimiter or a newline.
    @inline(__always)
    private func separatorBits(_ word: UInt64) -> UInt64 {
        ByteWord.gathered(ByteWord.zeroBytes(word ^ delimiters) | ByteWord.zeroBytes(word ^ Self.newlines))
    }
}
