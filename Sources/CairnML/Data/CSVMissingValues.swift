/// The texts that mean a missing value, tested on a field's bytes with a quick refusal for ordinary values.
struct CSVMissingValues: Sendable {
    private let tokens: [[UInt8]]
    private let longest: Int
    private let emptyIsMissing: Bool
    /// Whether a token starts like a number (a digit, sign or point), so a number's text may be missing.
    let mayLookLikeNumbers: Bool
    /// Bit `b` is set when some non-empty token starts with byte `b`.
    private let firstBytes: SIMD4<UInt64>

    init(_ texts: Set<String>) {
        tokens = texts.map { Array($0.utf8) }.filter { !$0.isEmpty }
        longest = tokens.map(\.count).max() ?? 0
        emptyIsMissing = texts.contains("")
        var bits = SIMD4<UInt64>()
        for token in tokens { bits[Int(token[0] >> 6)] |= 1 << UInt64(token[0] & 63) }
        firstBytes = bits
        mayLookLikeNumbers = tokens.contains { "0123456789+-.".utf8.contains($0[0]) }
    }

    /// Whether the field is one of the missing-value texts.
    @inline(__always)
    func contains(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = field.first else { return emptyIsMissing }
        guard field.count <= longest, firstBytes[Int(first >> 6)] & (1 << UInt64(first & 63)) != 0 else { return false }
        return tokens.contains { $0.count == field.count && $0.elementsEqual(field) }
    }
}
