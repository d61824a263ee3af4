import Foundation

/// Reads a number from a field's bytes exactly as C's `strtod` does, quickly for plain decimals.
///
/// A field of the form `[+-]digits[.digits][(e|E)[+-]digits]` with at most 19 significant digits is read into an
/// exact integer mantissa and a decimal exponent. A mantissa up to 2⁵³ with an exponent in -22...22 is one exact
/// multiplication or division, correctly rounded (Clinger's fast path); every other such number is rounded from its product with
/// a 128-bit power of five (the Eisel–Lemire algorithm, with the table in DecimalPowers.swift). The rare values
/// that algorithm cannot decide (subnormals, overflow, products too close to a midpoint) and every other form
/// (`inf`, `nan`, hexadecimal, long or extreme numbers) go to `strtod`, so the result is always bit for bit
/// `strtod`'s.
public enum DecimalParser {
    /// The number in `field` (ASCII bytes), or `nil` unless the whole field is one.
    public static func parse(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        if let base = field.baseAddress, let (value, length) = prefix(base, count: field.count, readable: field.count),
            length == field.count
        {
            return value
        }
        return strtod(field)
    }

    /// `strtod` on the field, requiring the whole field to be consumed (a leading space is refused).
    static func strtod(_ field: UnsafeBufferPointer<UInt8>) -> Double? {
        let n = field.count
        guard n > 0, field[0] != UInt8(ascii: " ") else { return nil }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: n + 1) { buffer in
            for k in 0..<n { buffer[k] = CChar(bitPattern: field[k]) }
            buffer[n] = 0
            var end: UnsafeMutablePointer<CChar>?
            let value = Foundation.strtod(buffer.baseAddress!, &end)
            return end == buffer.baseAddress! + n ? value : nil
        }
    }

    /// The value and length of the plain decimal at the start of the `count` bytes at `field`, or `nil` when there
    /// is none or `strtod` must decide its value (which it then reads from the same bytes). `readable` bytes (at
    /// least `count`) may be read at `field`: with eight to spare, digits are read eight at a time.
    @inline(__always)
    static func prefix(_ field: UnsafePointer<UInt8>, count n: Int, readable: Int) -> (value: Double, length: Int)? {
        guard n > 0 else { return nil }
        var i = 0
        var negative = false
        if field[0] == UInt8(ascii: "-") || field[0] == UInt8(ascii: "+") {
            negative = field[0] == UInt8(ascii: "-")
            i = 1
        }
        var mantissa: UInt64 = 0
        let integerStart = i
        // Integer parts are short in most data: a word read would cost more than it saves.
        readEachDigit(field, &i, count: n, into: &mantissa)
        var digits = i - integerStart
        var scale = 0
        if i < n, field[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            readDigits(field, &i, count: n, readable: readable, into: &mantissa)
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
            let value = scale < 0 ? exact / exactPowerOfTen(-scale) : exact * exactPowerOfTen(scale)
            return (negative ? -value : value, i)
        }
        return eiselLemire(mantissa, scale: scale, negative: negative).map { ($0, i) }
    }

    /// Appends the digits at `i` (before `count`) to `mantissa` (wrapping past 19 digits, which the caller refuses)
    /// and moves `i` past them. While the rest of the field is digits (pandas writes 16 or 17 significant digits
    /// after the point) they are read as whole words, eight bytes `readable` at a time at offsets the field's
    /// length fixes, so no load waits for the previous word's digit count; then one digit at a time.
    @inline(__always)
    private static func readDigits(
        _ field: UnsafePointer<UInt8>, _ i: inout Int, count n: Int, readable: Int, into mantissa: inout UInt64
    ) {
        while i < n, i &+ 8 <= readable {
            let digits = Swift.min(8, n &- i)
            let word = ByteWord.load(field + i)
            guard ByteWord.leadingDigitCount(word) >= digits else { break }
            mantissa = mantissa &* wholePowerOfTen(digits) &+ ByteWord.digitsValue(word, count: digits)
            i &+= digits
        }
        readEachDigit(field, &i, count: n, into: &mantissa)
    }

    /// Appends the digits at `i` (before `count`) to `mantissa` one at a time and moves `i` past them.
    @inline(__always)
    private static func readEachDigit(_ field: UnsafePointer<UInt8>, _ i: inout Int, count n: Int, into mantissa: inout UInt64) {
        while i < n, field[i] &- 48 < 10 {
            mantissa = mantissa &* 10 &+ UInt64(field[i] &- 48)
            i += 1
        }
    }

    /// 10^`exponent` for `exponent` in 0...8.
    @inline(__always)
    private static func wholePowerOfTen(_ exponent: Int) -> UInt64 {
        switch exponent {
        case 0: 1
        case 1: 10
        case 2: 100
        case 3: 1_000
        case 4: 10_000
        case 5: 100_000
        case 6: 1_000_000
        case 7: 10_000_000
        default: 100_000_000
        }
    }

    /// 10^`exponent` for `exponent` in 0...22, where every power of ten is an exact `Double`.
    @inline(__always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: 1e0
        case 1: 1e1
        case 2: 1e2
        case 3: 1e3
        case 4: 1e4
        case 5: 1e5
        case 6: 1e6
        case 7: 1e7
        case 8: 1e8
        case 9: 1e9
        case 10: 1e10
        case 11: 1e11
        case 12: 1e12
        case 13: 1e13
        case 14: 1e14
        case 15: 1e15
        case 16: 1e16
        case 17: 1e17
        case 18: 1e18
        case 19: 1e19
        case 20: 1e20
        case 21: 1e21
        default: 1e22
        }
    }

    /// `mantissa` × 10^`scale` correctly rounded (Eisel–Lemire: one or two 64 × 64-bit products with a 128-bit
    /// power of five), or `nil` in the rare cases it cannot decide (subnormal, overflowing or too close to a
    /// midpoint) and `strtod` must. `mantissa` is not zero.
    @inline(__always)
    private static func eiselLemire(_ mantissa: UInt64, scale: Int, negative: Bool) -> Double? {
        guard scale >= smallestPowerOfFive, scale <= largestPowerOfFive else { return nil }
        let leadingZeros = mantissa.leadingZeroBitCount
        let normalized = mantissa << leadingZeros
        let index = 2 * (scale - smallestPowerOfFive)
        return powersOfFive.withUnsafeBufferPointer { powers -> Double? in
            var (high, low) = normalized.multipliedFullWidth(by: powers[index])
            // The 9 bits below the 55 kept are all ones: the low word of the power may carry into them.
            if high & 0x1FF == 0x1FF {
                let correction = normalized.multipliedFullWidth(by: powers[index + 1]).high
                let (sum, carry) = low.addingReportingOverflow(correction)
                low = sum
                if carry { high &+= 1 }
                if high & 0x1FF == 0x1FF, low == .max, scale < -27 || scale > 55 { return nil }
            }
            let upperBit = Int(high >> 63)
            var significand = high >> (upperBit + 9)
            var exponent = (((152_170 + 65_536) * scale) >> 16) + 63 + upperBit - leadingZeros + 1023
            guard exponent > 0 else { return nil }
            // Exactly halfway between two doubles: round to even rather than up.
            if low <= 1, scale >= -4, scale <= 23, significand & 3 == 1, significand << (upperBit + 9) == high {
                significand &= ~1
            }
            significand += significand & 1
            significand >>= 1
            if significand >= 2 << 52 {
                significand = 1 << 52
                exponent += 1
            }
            guard exponent < 0x7FF else { return nil }
            let bits = (significand & ~(1 << 52)) | UInt64(exponent) << 52 | (negative ? 1 << 63 : 0)
            return Double(bitPattern: bits)
        }
    }
}
