import Foundation

/// Cuts the records of a CSV input into byte ranges, each starting at a record, to be read concurrently.
enum CSVChunking {
    /// The ranges from `start` to the end of `input`: a first one of about `firstChunkBytes` (read alone, to learn
    /// the column kinds), then about `count` equal ones.
    ///
    /// Each cut is just after a newline with an even number of quotes between `start` and it, which in valid
    /// RFC 4180 text is a newline outside quotes. A stray quote inside an unquoted field can make a cut fall inside
    /// a quoted field; the chunk before such a cut then ends in an unterminated quote, so a reader that falls back
    /// to one serial pass on any error still reads the input right.
    static func ranges(_ input: UnsafeBufferPointer<UInt8>, from start: Int, firstChunkBytes: Int, count: Int) -> [Range<Int>] {
        let n = input.count
        guard let p = input.baseAddress, n - start > firstChunkBytes else { return [Swift.min(start, n)..<n] }
        let first = start + firstChunkBytes
        let nominal = [first] + (1..<Swift.max(count, 1)).map { first + (n - first) / count * $0 }
        let parities = quoteParities(input, from: start, at: nominal)
        var cuts = [start]
        for (position, parity) in zip(nominal, parities) {
            var i = Swift.max(position, cuts.last!)
            var odd = i == position ? parity : false
            while i < n, odd || p[i] != CSVFieldScanner.newline {
                if p[i] == CSVFieldScanner.quote { odd.toggle() }
                i += 1
            }
            // No later cut exists under this parity (a stray quote): stop rather than rescan to the end per cut.
            guard i + 1 < n else { break }
            cuts.append(i + 1)
        }
        cuts.append(n)
        return zip(cuts, cuts.dropFirst()).map { $0..<$1 }
    }

    /// Whether an odd number of quotes lies between `start` and each of the increasing `positions`.
    private static func quoteParities(_ input: UnsafeBufferPointer<UInt8>, from start: Int, at positions: [Int]) -> [Bool] {
        guard let p = input.baseAddress else { return positions.map { _ in false } }
        let bounds = [start] + positions
        // The segments only read the input, which outlives the concurrent calls.
        let shared = SharedBuffer(base: UnsafeMutablePointer(mutating: p))
        let counts = Parallel.map(positions.count) { k in
            // Most inputs hold no quote at all: `memchr` finds that fastest.
            let segment = shared.base + bounds[k]
            guard let found = memchr(segment, Int32(CSVFieldScanner.quote), bounds[k + 1] - bounds[k]) else { return 0 }
            var quotes = 0
            for i in (found.assumingMemoryBound(to: UInt8.self) - shared.base)..<bounds[k + 1] where shared.base[i] == CSVFieldScanner.quote {
                quotes += 1
            }
            return quotes
        }
        var total = 0
        return counts.map { count in
            total += count
            return total % 2 == 1
        }
    }
}
