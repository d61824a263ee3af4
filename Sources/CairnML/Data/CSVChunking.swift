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
    /// - Returns: the ranges, and when the input holds no quote (and its newlines were counted) the number of
    ///   newlines in each, plus one for a last record without one: each range's records, counting blank lines.
    static func ranges(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, firstChunkBytes: Int, count: Int
    ) -> (ranges: [Range<Int>], records: [Int]?) {
        let n = input.count
        guard let p = input.baseAddress, n - start > firstChunkBytes else { return ([Swift.min(start, n)..<n], nil) }
        let first = start + firstChunkBytes
        let nominal = [first] + (1..<Swift.max(count, 1)).map { first + (n - first) / count * $0 }
        let bounds = [start] + nominal + [n]
        let segments = segmentCounts(input, bounds: bounds)
        var quotesBefore = 0
        let parities = nominal.indices.map { k in
            quotesBefore += segments[k].quotes
            return quotesBefore % 2 == 1
        }
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
        let ranges = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
        guard segments.allSatisfy({ $0.quotes == 0 && $0.newlines != nil }) else { return (ranges, nil) }
        let newlinesBefore = cuts.map { cut in
            // The whole segments before the cut, then the part of its segment up to it (a line or so past a
            // nominal position).
            let segment = bounds.lastIndex { $0 <= cut }!
            let whole = segments[..<Swift.min(segment, segments.count)].reduce(0) { $0 + $1.newlines! }
            return whole + CSVByteCounts.of(UnsafeBufferPointer(rebasing: input[bounds[segment]..<cut])).newlines!
        }
        let unterminated = p[n - 1] != CSVFieldScanner.newline ? 1 : 0
        let records = ranges.indices.map { k in newlinesBefore[k + 1] - newlinesBefore[k] + (k == ranges.count - 1 ? unterminated : 0) }
        return (ranges, records)
    }

    /// The quotes and newlines of each segment between consecutive `bounds`, counted concurrently.
    private static func segmentCounts(_ input: UnsafeBufferPointer<UInt8>, bounds: [Int]) -> [CSVByteCounts] {
        guard let p = input.baseAddress else { return [] }
        // The segments only read the input, which outlives the concurrent calls.
        let shared = SharedBuffer(base: UnsafeMutablePointer(mutating: p))
        return Parallel.map(bounds.count - 1) { k in
            CSVByteCounts.of(UnsafeBufferPointer(start: shared.base + bounds[k], count: bounds[k + 1] - bounds[k]))
        }
    }
}
