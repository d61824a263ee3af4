#if arch(x86_64)
import _Builtin_intrinsics.intel
#else
import Foundation
#endif

/// How many quotes and newlines a stretch of CSV bytes holds: the quotes decide where records may be cut, the
/// newlines how many records a stretch without quotes holds.
struct CSVByteCounts {
    var quotes = 0
    /// The newlines, or `nil` where they are not counted (off x86-64).
    var newlines: Int?

    /// The counts of `bytes`: on x86-64 sixteen bytes per SSE2 comparison, elsewhere the quotes only (`memchr` finds
    /// none fastest in the common input without any).
    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> CSVByteCounts {
        guard let p = bytes.baseAddress else { return CSVByteCounts(newlines: 0) }
        #if arch(x86_64)
        let quote = _mm_set1_epi8(CChar(bitPattern: CSVFieldScanner.quote))
        let newline = _mm_set1_epi8(CChar(bitPattern: CSVFieldScanner.newline))
        let zero = _mm_setzero_si128()
        var counts = CSVByteCounts(newlines: 0)
        var i = 0
        while i + 16 <= bytes.count {
            // A matching byte's comparison is 0xFF, -1: subtracting it counts in each of the 16 byte lanes, for at
            // most 255 steps before a lane could wrap; then the lanes are summed (`psadbw` against zero).
            var quotes = zero, newlines = zero
            var steps = 0
            while steps < 255, i + 16 <= bytes.count {
                let chunk = _mm_loadu_si128(UnsafeRawPointer(p + i).assumingMemoryBound(to: __m128i.self))
                quotes = _mm_sub_epi8(quotes, _mm_cmpeq_epi8(chunk, quote))
                newlines = _mm_sub_epi8(newlines, _mm_cmpeq_epi8(chunk, newline))
                i += 16
                steps += 1
            }
            counts.quotes += laneSum(quotes, zero)
            counts.newlines! += laneSum(newlines, zero)
        }
        for k in i..<bytes.count {
            if p[k] == CSVFieldScanner.quote { counts.quotes += 1 }
            if p[k] == CSVFieldScanner.newline { counts.newlines! += 1 }
        }
        return counts
        #else
        guard let found = memchr(p, Int32(CSVFieldScanner.quote), bytes.count) else { return CSVByteCounts() }
        let first = UnsafePointer(found.assumingMemoryBound(to: UInt8.self)) - p
        return CSVByteCounts(quotes: bytes[first...].reduce(0) { $0 + ($1 == CSVFieldScanner.quote ? 1 : 0) })
        #endif
    }

    #if arch(x86_64)
    /// The sum of the sixteen byte lanes of `lanes`.
    private static func laneSum(_ lanes: __m128i, _ zero: __m128i) -> Int {
        let halves = _mm_sad_epu8(lanes, zero)
        return Int(_mm_cvtsi128_si64(halves) + _mm_cvtsi128_si64(_mm_unpackhi_epi64(halves, halves)))
    }
    #endif
}
