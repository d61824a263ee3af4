import CairnCore
import Foundation

extension CSVReader {
    /// The records from `start` to the end of `input`, read in chunks: the first alone, then the rest concurrently
    /// starting from the kinds the first found; then again, each chunk whose columns cannot join the others' kinds.
    /// Any error in a concurrent chunk falls back to one serial pass, whose error names the line.
    /// The chunks after the first write their number and integer columns into the final columns' storage (`slots`).
    /// - Returns: the chunks, each column's kind (see ``finalKinds(_:names:options:)``), and the columns' storage.
    static func readChunks(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, line: Int, names: [String], options: CSVOptions,
        scanner: CSVFieldScanner, chunkBytes: Int
    ) throws -> (chunks: [CSVChunk], kinds: [CSVKind], slots: CSVColumnSlots?) {
        let reader = CSVChunkReader(
            scanner: scanner, missing: CSVMissingValues(options.naValues), columnCount: names.count,
            stripTrailingPeriod: options.stripTrailingPeriod)
        let initial: [CSVKind] = names.map { options.categoricalColumns.contains($0) ? .text : .int }
        let chunkCount = Swift.min(Swift.max((input.count - start) / chunkBytes, 1), 4 * Parallel.availableCores)
        let (ranges, records) = CSVChunking.ranges(input, from: start, firstChunkBytes: chunkBytes / 16, count: chunkCount)
        guard ranges.count > 1 else {
            let chunks = [try reader.read(input, range: ranges[0], firstLine: line, kinds: initial)]
            return (chunks, finalKinds(chunks, names: names, options: options), nil)
        }
        // The chunks only read the input, which outlives the concurrent calls.
        let shared = SharedBuffer(base: UnsafeMutablePointer(mutating: input.baseAddress!))
        let count = input.count
        var chunks: [CSVChunk]
        let slots: CSVColumnSlots
        do {
            let first = try reader.read(input, range: ranges[0], firstLine: line, kinds: initial)
            let kinds = first.columns.map(\.kind)
            // Slots of each chunk's records where the input holds no quote (so no chunk's numbers need moving when
            // the slots are joined); otherwise a tenth larger than the first chunk's rows per byte predicts, and
            // never more rows than the chunk has room for (each record takes at least one byte per field).
            let rowsPerByte = Double(first.rowCount) / Double(ranges[0].count)
            let estimates = ranges.indices.dropFirst().map { k in
                records?[k] ?? Swift.min(Int(Double(ranges[k].count) * rowsPerByte * 1.1) + 64, ranges[k].count / names.count + 1)
            }
            slots = CSVColumnSlots(kinds: kinds, firstRows: first.rowCount, estimates: estimates)
            let rest = slots.withSlots { slots in
                Parallel.map(ranges.count - 1) { k in
                    Result {
                        try reader.read(
                            UnsafeBufferPointer(start: shared.base, count: count), range: ranges[k + 1], firstLine: 0, kinds: kinds, slots: slots[k])
                    }
                }
            }
            chunks = try [first] + rest.map { try $0.get() }
        } catch {
            let chunks = [try reader.read(input, range: start..<input.count, firstLine: line, kinds: initial)]
            return (chunks, finalKinds(chunks, names: names, options: options), nil)
        }
        let kinds = finalKinds(chunks, names: names, options: options)
        let stale = chunks.indices.filter { k in
            chunks[k].columns.indices.contains { column in
                let builder = chunks[k].columns[column]
                return builder.hasPresentValue && builder.kind != kinds[column] && !(builder.kind == .int && kinds[column] == .double)
            }
        }
        let reread = Parallel.map(stale.count) { k in
            // Reading the same bytes again succeeded once, so it cannot fail now.
            try! reader.read(UnsafeBufferPointer(start: shared.base, count: count), range: ranges[stale[k]], firstLine: 0, kinds: kinds)
        }
        for (k, chunk) in zip(stale, reread) { chunks[k] = chunk }
        return (chunks, kinds, slots)
    }

    /// Each column's kind: the narrowest that holds every chunk's present values; integers for a column without
    /// any, and text for the columns named categorical.
    private static func finalKinds(_ chunks: [CSVChunk], names: [String], options: CSVOptions) -> [CSVKind] {
        names.indices.map { column in
            if options.categoricalColumns.contains(names[column]) { return .text }
            let present = chunks.map { $0.columns[column] }.filter(\.hasPresentValue).map(\.kind)
            return present.dropFirst().reduce(present.first ?? .int) { $0.joined(with: $1) }
        }
    }
}
