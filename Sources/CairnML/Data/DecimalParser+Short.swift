extension DecimalParser {
    /// The number in the `count` bytes at `field` when they are a plain decimal (see ``prefix(_:count:readable:)``), or
    /// `nil` when they are not or `strtod` must decide. `readable` bytes (at least `count`) may be read at `field`.
    ///
    /// A field of at most 8 bytes (`readable` at least 8) that is an optional sign, then digits with at most one
    /// point among them, is read as one word: the sign becomes a leading zero and the point is shifted out, so the
    /// number's shape (sign, point position, length) costs no branch. Its mantissa has at most 8 digits and its
    /// scale at most 7, so the one division is Clinger's exact fast path: bit for bit `strtod`.
    @inline(__always)
    static func plain(_ field: UnsafePointer<UInt8>, count: Int, readable: Int) -> Double? {
        if readable >= 8, count <= 8 {
            let zero = UInt64(UInt8(ascii: "0"))
            // The field's bytes; those past it become zero bytes, which are not digits. (Wrapping arithmetic here
            // and below: `count` is 0...8, nothing overflows, and no check is spent per field.)
            var word = ByteWord.load(field) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count))
            let first = word & 0xFF
            let negative = first == UInt64(UInt8(ascii: "-"))
            let signed = negative || first == UInt64(UInt8(ascii: "+"))
            word ^= signed ? first ^ zero : 0
            let points = ByteWord.zeroBytes(word ^ (UInt64(UInt8(ascii: ".")) &* ByteWord.ones))
            let pointIndex = UInt64(points.trailingZeroBitCount >> 3)
            // The bytes before the point (all of them without one), then those after it, moved down over it.
            let before = ~((UInt64.max &<< (4 &* pointIndex)) &<< (4 &* pointIndex))
            word = (word & before) | ((word >> 8) & ~before)
            let hasPoint = points != 0
            let digits = hasPoint ? count &- 1 : count
            // Every byte left is a digit, and there is one besides a sign: tested together, so that the sign (as
            // random as the data) decides no branch.
            let signDigits = signed ? 1 : 0
            if (ByteWord.leadingDigitCount(word) ^ digits) | ((digits &- signDigits &- 1) >> 63) == 0 {
                let scale = exactPowerOfTen(hasPoint ? count &- 1 &- Int(pointIndex) : 0)
                let magnitude = Double(ByteWord.digitsValue(word, count: digits)) / scale
                let sign: UInt64 = negative ? 1 << 63 : 0
                return Double(bitPattern: magnitude.bitPattern | sign)
            }
        }
        guard let (value, length) = prefix(field, count: count, readable: readable), length == count else { return nil }
        return value
    }
}
