import Foundation

/// Dictionary-encodes a column's texts straight from their bytes: each distinct text gets the next code, in order
/// of first appearance.
///
/// Byte strings are looked up in an open-addressing table; a new byte string is made a `String` once, and byte
/// strings that make equal `String`s (canonically equivalent Unicode, or invalid UTF-8 repaired alike) share a
/// code, so the levels are distinct.
struct CSVLevelIndex {
    /// The distinct texts, by code.
    private(set) var levels: [String] = []
    private var codesByLevel: [String: Int32] = [:]
    private var keyBytes: [UInt8] = []
    private var keys: [Key] = []
    /// Index + 1 into `keys`, or 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 64)

    private struct Key {
        var start: Int
        var count: Int
        var hash: UInt64
        var code: Int32
    }

    /// The code of the text whose bytes are `field`, adding it as a level if it is new.
    mutating func code(for field: UnsafeBufferPointer<UInt8>) -> Int32 {
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
        let text = String(decoding: field, as: UTF8.self)
        let code = codesByLevel[text] ?? Int32(levels.count)
        if code == levels.count {
            levels.append(text)
            codesByLevel[text] = code
        }
        keys.append(Key(start: keyBytes.count, count: field.count, hash: hash, code: code))
        keyBytes.append(contentsOf: field)
        slots[slot] = Int32(keys.count)
        if keys.count * 2 > slots.count { rehash() }
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
