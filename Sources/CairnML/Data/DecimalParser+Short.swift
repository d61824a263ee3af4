extension DecimalParser {
    /// The number in the `count` bytes at `field` when they are a plain decimal (see ``prefix(_:count:readable:)``), or
    /// `nil` when they are not or `strtod` must decide. `readable` bytes (at least `count`) may be read at `field`.
    ///
    /// A field of at most 8 bytes (`readable` at least 8) that is an optional sign, then digits with at most one
    /// point among them, is read as one word: the sign is shifted out, the bytes that are not digits must be at most
    /// one point, which is shifted out too, so the number's shape (sign, point position, length) costs no branch. Its
    /// mantissa has at most 8 digits and its scale at most 7, so the one division is Clinger's exact fast path: bit
    /// for bit `strtod`.
    @inline(__always)
    static func plain(_ field: UnsafePointer<UInt8>, count: Int, readable: Int) -> Double? {
        if readable >= 8, count <= 8 {
            // The field's bytes; those past it become zero bytes, which are not digits. (Wrapping arithmetic here
            // and below: `count` is 0...8, nothing overflows, and no check is spent per field.)
            let raw = ByteWord.load(field) & (UInt64.max &>> UInt64(truncatingIfNeeded: 64 &- 8 &* count))
            let first = raw & 0xFF
            let negative = first == UInt64(UInt8(ascii: "-"))
            let signBytes = negative || first == UInt64(UInt8(ascii: "+")) ? 1 : 0
            let word = raw &>> UInt64(truncatingIfNeeded: 8 &* signBytes)
            let length = count &- signBytes
            // The high bit of each of the field's `length` bytes that is not a digit (`nonDigits`), and of each
            // byte that is a point (`points`).
            let inside = ByteWord.highBits &>> UInt64(truncatingIfNeeded: 64 &- 8 &* length)
            let nonDigits = ByteWord.nonDigitBytes(word) & inside
            let points = ByteWord.zeroBytes(word ^ (UInt64(UInt8(ascii: ".")) &* ByteWord.ones))
            let hasPoint = nonDigits != 0
            let digits = hasPoint ? length &- 1 : length
            // Valid when every non-digit is a point, there is at most one, and one digit at least: tested together,
            // so that the shape decides no branch.
            let atMostOnePoint = (nonDigits & ~points) | (nonDigits & (nonDigits &- 1))
            if atMostOnePoint | UInt64(bitPattern: Int64((digits &- 1) >> 63)) == 0 {
                let pointIndex = UInt64(nonDigits.trailingZeroBitCount >> 3)
                // The bytes before the point (all of them without one), then those after it, moved down over it.
                let before = ~((UInt64.max &<< (4 &* pointIndex)) &<< (4 &* pointIndex))
                let compact = (word & before) | ((word >> 8) & ~before)
                let scale = exactPowerOfTen(hasPoint ? length &- 1 &- Int(pointIndex) : 0)
                let magnitude = Double(ByteWord.digitsValue(compact, count: digits)) / scale
                let sign: UInt64 = negative ? 1 << 63 : 0
                return Double(bitPattern: magnitude.bitPattern | sign)
            }
        }
        guard let (value, length) = prefix(field, count: count, readable: readable), length == count else { return nil }
        return value
    }
}
