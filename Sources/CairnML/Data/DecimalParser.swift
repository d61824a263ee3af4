import Foundation

/// Reads a number from a field's bytes exactly as C's `strtod` does, quickly for plain decimals.
///
/// A field of the form `[+-]digits[.digits][(e|E)[+-]digits]` with at most 19 significant digits is read into an
/// exact integer mantissa and a decimal exponent. When the mantissa is below 2⁵³ and the exponent within ±22, both
/// the mantissa and the power of ten are exact doubles and the one multiplication or division is correctly rounded
/// (Clinger's fast path). Otherwise, on x86-64, the value is computed in 80-bit extended precision, where the
/// digits and powers of ten up to 10²⁷ are exact, and rounded to `Double`, which is the correctly rounded value
/// unless the extended result sits at a midpoint between two doubles. Those rare cases, and every other form
/// (`inf`, `nan`, hexadecimal, long or extreme numbers), go to `strtod`, so the result is always bit for bit
/// `strtod`'s.
enum DecimalParser {
    /// The number in `field`, or `nil` unless the whole field is one.
    static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        if let base = field.baseAddress, let (value, length) = prefix(base, count: field.count), length == field.count {
            return value
        }
        return strtod(field)
    }

    /// `strtod` on the field, requiring the whole field to be consumed (a leading space is refused).
    static func strtod(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = field.count
        guard n > 0, n < 128, field[0] != UInt8(ascii: " ") else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            for k in 0..<n { buffer[k] = CChar(bitPattern: field[k]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = Foundation.strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + n ? value : nil
        }
    }

    /// Powers of ten exact in `Double` (5²² < 2⁵³).
    private static let doublePowers: [Double] = (0...22).map { e in (0..<e).reduce(1.0) { p, _ in p * 10 } }

    /// The value and length of the plain decimal at the start of the `count` bytes at `field`, or `nil` when there
    /// is none or `strtod` must decide its value (which it then reads from the same bytes).
    @inline(__always)
    static func prefix(_ field: UnsafePointer<UInt8>, count n: Int) -> (value: Double, length: Int)? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
            negative = field[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        let integerStart = i
        while i < n, field[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(field[i] &- 48)
            i += 1
        }
        var digits = i - integerStart
        var scale = 0
        if i < n, field[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < n, field[i] &- 48 < 10 {
                mantissa = mantissa &* 10 &+ UInt64(field[i] &- 48)
                i += 1
            }
            digits += i - start
            scale = start - i
        }
        guard digits > 0 else { return nil }
        if digits > 19 {
            // Leading zeros do not count towards the 19 digits a UInt64 holds exactly.
            var leadingZeros = 0
            for k in integerStart..<i where field[k] != UInt8(ascii: ".") {
                if field[k] != 48 { break }
                leadingZeros += 1
            }
            guard digits - leadingZeros <= 19 else { return nil }
        }
        if i < n, field[i] | 0x20 == UInt8(ascii: "e") {
            i += 1
            var exponentNegative = false
            if i < n, field[i] == UInt8(ascii: "-") || field[i] == UInt8(ascii: "+") {
                exponentNegative = field[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            var exponentDigits = 0
            while i < n, field[i] &- 48 < 10, exponentDigits < 4 {
                exponent = exponent * 10 + Int(field[i] &- 48)
                exponentDigits += 1
                i += 1
            }
            guard exponentDigits > 0 else { return nil }
            scale += exponentNegative ? -exponent : exponent
        }
        if mantissa == 0 { return (negative ? -0.0 : 0.0, i) }
        if mantissa <= 1 << 53, scale >= -22, scale <= 22 {
            let exact = Double(mantissa)
            let value = doublePowers.withUnsafeBufferPointer { scale < 0 ? exact / $0[-scale] : exact * $0[scale] }
            return (negative ? -value : value, i)
        }
        #if arch(x86_64)
        return extended(mantissa, scale: scale, negative: negative).map { ($0, i) }
        #else
        return nil
        #endif
    }

    #if arch(x86_64)
    /// Powers of ten exact in `Float80` (5²⁷ < 2⁶⁴).
    private static let powers: [Float80] = (0...27).map { e in (0..<e).reduce(Float80(1)) { p, _ in p * 10 } }

    /// `mantissa` × 10^`scale` through 80-bit extended precision, or `nil` when `strtod` must decide.
    private static func extended(_ mantissa: UInt64, scale: Int, negative: Bool) -> Double? {
        guard scale >= -27, scale <= 27 else { return nil }
        let exact = Float80(mantissa)
        let extended = powers.withUnsafeBufferPointer { scale < 0 ? exact / $0[-scale] : exact * $0[scale] }
        // The 11 bits below a double's 53: 0x400 is a midpoint; one step either side is too close to call.
        let low = extended.significandBitPattern & 0x7FF
        guard low < 0x3FF || low > 0x401 else { return nil }
        let value = Double(extended)
        return negative ? -value : value
    }
    #endif
}
