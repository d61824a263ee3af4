/// Whole numbers and booleans as the CSV reader accepts them.
enum CSVValueParser {
    /// A decimal integer with an optional sign and at most 18 digits.
    @inline(__always)
    static func int(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = field.baseAddress, !field.isEmpty else { return nil }
        var i = 0
        var negative = false
        if base[0] == UInt8(ascii: "-") || base[0] == UInt8(ascii: "+") {
            negative = base[0] == UInt8(ascii: "-")
            i = 1
        }
        let n = field.count
        guard n > i, n - i <= 18 else { return nil }
        var value = 0
        while i < n {
            let digit = base[i] &- 48
            guard digit < 10 else { return nil }
            value = value &* 10 &+ Int(digit)
            i += 1
        }
        return negative ? -value : value
    }

    /// `true` or `false` in any letter case.
    static func bool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        func matches(_ word: StaticString) -> Bool {
            field.count == word.utf8CodeUnitCount
                && zip(field, UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)).allSatisfy { $0 | 0x20 == $1 }
        }
        if matches("true") { return true }
        if matches("false") { return false }
        return nil
    }
}
