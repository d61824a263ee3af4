import Foundation

/// Dictionary-encodes a column's texts straight from their bytes: each distinct text gets the next code, in order
/// of first appearance.
///
/// Byte strings are looked up in open-addressing tables (one keyed by the bytes themselves packed in a word, for
/// texts of at most 7 bytes); a new byte string is made a `String` once, and byte strings that make equal
/// `String`s (canonically equivalent Unicode, or invalid UTF-8 repaired alike) share a code, so the levels are
/// distinct.
struct CSVLevelIndex {
    /// The distinct texts, by code.
    private(set) var levels: [String] = []
    private var codesByLevel: [String: Int32] = [:]
    private var keyBytes: [UInt8] = []
    private var keys: [Key] = []
    /// Index + 1 into `keys`, or 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)
    /// Short texts: the bytes and the length packed in a word (``shortKey(_:)``), and the code, or -1 for an empty
    /// slot; the count is a power of two.
    private var shortKeys = [UInt64](repeating: 0, count: 64)
    private var shortCodes = [Int32](repeating: -1, count: 64)
    private var shortCount = 0
    /// 64 minus the base-2 logarithm of the short tables' count.
    private var shortShift: UInt64 = 64 - 6

    private struct Key {
        var start: Int
        var count: Int
        var hash: UInt64
        var code: Int32
    }

    /// The code of the text whose bytes are `field`, adding it as a level if it is new.
    @inline(__always)
    mutating func code(for field: UnsafeBufferPointer<UInt8>) -> Int32 {
        guard field.count < 8 else { return longCode(for: field) }
        let key = Self.shortKey(field)
        let mask = shortKeys.count - 1
        var slot = shortSlot(key)
        while shortCodes[slot] >= 0 {
            if shortKeys[slot] == key { return shortCodes[slot] }
            slot = (slot + 1) & mask
        }
        let code = level(field)
        shortKeys[slot] = key
        shortCodes[slot] = code
        shortCount += 1
        if shortCount * 2 > shortKeys.count { rehashShort() }
        return code
    }

    /// The home slot of a short key: the top bits of its product with 2⁶⁴ / φ (Fibonacci hashing), which every
    /// byte of the key moves; the low bits would leave texts that differ in one late byte in the same slot.
    @inline(__always)
    private func shortSlot(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> shortShift)
    }

    /// Up to 7 bytes and their count in one word.
    @inline(__always)
    private static func shortKey(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var key = UInt64(field.count) << 56
        for k in 0..<field.count { key |= UInt64(field[k]) << UInt64(8 * k) }
        return key
    }

    private mutating func rehashShort() {
        let keys = shortKeys
        let codes = shortCodes
        shortKeys = [UInt64](repeating: 0, count: keys.count * 4)
        shortCodes = [Int32](repeating: -1, count: keys.count * 4)
        let mask = shortKeys.count - 1
        shortShift -= 2
        for (key, code) in zip(keys, codes) where code >= 0 {
            var slot = shortSlot(key)
            while shortCodes[slot] >= 0 { slot = (slot + 1) & mask }
            shortKeys[slot] = key
            shortCodes[slot] = code
        }
    }

    /// The code of a text of 8 bytes or more.
    private mutating func longCode(for field: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(field)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let key = keys[Int(slots[slot]) - 1]
            if key.hash == hash, key.count == field.count,
                keyBytes.withUnsafeBufferPointer({ memcmp($0.baseAddress! + key.start, field.baseAddress!, field.count) == 0 }) {
                return key.code
            }
            slot = (slot + 1) & mask
        }
        let code = level(field)
        keys.append(Key(start: keyBytes.count, count: field.count, hash: hash, code: code))
        keyBytes.append(contentsOf: field)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { rehash() }
        return code
    }

    /// The code of a byte string not seen before: that of an equal `String` already a level, or a new one.
    private mutating func level(_ field: UnsafeBufferPointer<UInt8>) -> Int32 {
        let text = String(decoding: field, as: UTF8.self)
        if let code = codesByLevel[text] { return code }
        let code = Int32(levels.count)
        levels.append(text)
        codesByLevel[text] = code
        return code
    }

    private mutating func rehash() {
        slots = [Int32](repeating: 0, count: slots.count * 4)
        let mask = slots.count - 1
        for (index, key) in keys.enumerated() {
            var slot = Int(truncatingIfNeeded: key.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index + 1)
        }
    }

    /// A 64-bit hash of the bytes, eight at a time.
    private static func hash(_ field: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(field.count) &* multiplier
        guard let base = field.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= field.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < field.count {
            tail |= UInt64(base[i]) << shift
            shift += 8
            i += 1
        }
        hash = (hash ^ tail) &* multiplier
        return hash ^ (hash >> 32)
    }
}
