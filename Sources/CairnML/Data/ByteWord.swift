/// Eight bytes of text as one little-endian 64-bit word, to test and read them together with word-wide arithmetic
/// (SWAR) instead of a branch per byte. The first byte is the word's lowest (and a number's most significant digit).
enum ByteWord {
    /// `0x01` in every byte: times a byte, that byte in every byte.
    static let ones: UInt64 = 0x0101_0101_0101_0101
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    /// The high bit of every byte.
    static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes at `bytes`.
    @inline(__always)
    static func load(_ bytes: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `word` that is zero, and no other bit.
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        // Adding 0x7F to a byte's low seven bits (which cannot carry into the next byte) sets its high bit unless
        // they are zero; so does the byte's own high bit.
        ~(((word & lowBits) &+ lowBits) | word) & highBits
    }

    /// One bit per byte, in order, from the high bits of `flags` (bit `k` for byte `k`).
    @inline(__always)
    static func gathered(_ flags: UInt64) -> UInt64 {
        (flags &* 0x0002_0408_1020_4081) >> 56
    }

    /// The high bit of each byte of `word` that is not an ASCII digit, and no other bit.
    @inline(__always)
    static func nonDigitBytes(_ word: UInt64) -> UInt64 {
        // A byte is a digit when it is 0...9 after the xor: its high bit is clear, and adding 0x76 to its low seven
        // bits does not set that bit.
        let offsets = word ^ 0x3030_3030_3030_3030
        return (((offsets & lowBits) &+ 0x7676_7676_7676_7676) | offsets) & highBits
    }

    /// The number of ASCII digits the word starts with, 0...8.
    @inline(__always)
    static func leadingDigitCount(_ word: UInt64) -> Int {
        nonDigitBytes(word).trailingZeroBitCount >> 3
    }

    /// The value of the first `count` bytes of the word (0...8), which must be ASCII digits.
    @inline(__always)
    static func digitsValue(_ word: UInt64, count: Int) -> UInt64 {
        // The digits move to the top bytes, the rest shift out and zero bytes (read as zero digits) come in; two
        // half shifts, since one of 64 bits for `count` 0 would not shift at all.
        let half = UInt64(truncatingIfNeeded: 32 &- 4 &* count)
        var value = (word &<< half) &<< half
        // Each byte's digit (its low four bits), then pairs, quadruples and all eight combined by one multiplication
        // each on all lanes at once: 2561 is 10 × 256 + 1, 6553601 is 100 × 65536 + 1, the last 10000 × 2³² + 1.
        value = ((value & 0x0F0F_0F0F_0F0F_0F0F) &* 2561) >> 8
        value = ((value & 0x00FF_00FF_00FF_00FF) &* 6_553_601) >> 16
        return ((value & 0x0000_FFFF_0000_FFFF) &* 42_949_672_960_001) >> 32
    }
}
