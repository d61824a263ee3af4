import Foundation

/// Where one chunk writes one number column's values: a part of the final column's storage.
/// `@unchecked Sendable`: each slot is written by the one chunk it belongs to, while the storage is alive.
struct CSVNumberSlot: @unchecked Sendable {
    let base: UnsafeMutablePointer<Double>
    let capacity: Int
}

/// The final arrays of the number columns, written in place by the chunks after the first so that their values
/// are not copied into the table afterwards.
///
/// Each chunk gets a slot sized by an estimate of its rows; a chunk with more rows, or whose column stops being
/// numbers, keeps its values itself instead. When every chunk of a column wrote into its slot, the slots are moved
/// together and the array becomes the column.
final class CSVNumberSlots: @unchecked Sendable {
    // `@unchecked Sendable`: concurrent users touch distinct columns' storage (`take`) or distinct slots (`withSlots`).

    /// A number column's final storage.
    private final class Storage {
        var values: [Double]
        init(count: Int) {
            // Every element is written before it is read (slots are moved together, the rest removed).
            values = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
                adviseHugePages(UnsafeMutableRawBufferPointer(buffer))
                initialized = count
            }
        }
    }

    private let storage: [Storage?]
    /// The first chunk's row count: its values are copied to the start of the column.
    private let firstRows: Int
    /// The start of each later chunk's slot, then the total.
    private let offsets: [Int]

    /// Storage for the columns of kind number among `kinds`, with slots of `estimates[k]` rows for the chunks after
    /// a first chunk of `firstRows` rows.
    init(kinds: [CSVKind], firstRows: Int, estimates: [Int]) {
        self.firstRows = firstRows
        offsets = estimates.reduce(into: [firstRows]) { $0.append($0.last! + $1) }
        let total = offsets.last!
        storage = kinds.map { $0 == .double ? Storage(count: total) : nil }
    }

    /// Calls `body` with each later chunk's slot of each column (`nil` for columns that are not numbers).
    func withSlots<T>(_ body: ([[CSVNumberSlot?]]) throws -> T) rethrows -> T {
        try withBases(storage[...], [], body)
    }

    private func withBases<T>(
        _ rest: ArraySlice<Storage?>, _ bases: [UnsafeMutablePointer<Double>?], _ body: ([[CSVNumberSlot?]]) throws -> T
    ) rethrows -> T {
        guard let next = rest.first else {
            let slots = offsets.indices.dropLast().map { k in
                bases.map { base in base.map { CSVNumberSlot(base: $0 + offsets[k], capacity: offsets[k + 1] - offsets[k]) } }
            }
            return try body(slots)
        }
        guard let next else { return try withBases(rest.dropFirst(), bases + [nil], body) }
        return try next.values.withUnsafeMutableBufferPointer { try withBases(rest.dropFirst(), bases + [$0.baseAddress!], body) }
    }

    /// The values of number column `column`, taken out of its storage: the first chunk's then each slot's, when
    /// every later chunk wrote its values into its slot; `nil` otherwise.
    func take(_ column: Int, of chunks: [CSVChunk]) -> [Double]? {
        guard let storage = storage[column], chunks.dropFirst().allSatisfy({ $0.columns[column].isInSlot }) else { return nil }
        var end = firstRows
        storage.values.withUnsafeMutableBufferPointer { values in
            for (row, value) in chunks[0].columns[column].doubleValues().enumerated() { values[row] = value }
            for (k, chunk) in chunks.enumerated().dropFirst() {
                let count = chunk.columns[column].count
                memmove(values.baseAddress! + end, values.baseAddress! + offsets[k - 1], count * MemoryLayout<Double>.stride)
                end += count
            }
        }
        var values = storage.values
        storage.values = []
        values.removeLast(values.count - end)
        return values
    }

    /// The values chunk `k` (after the first) wrote into its slot of `column`.
    func values(_ column: Int, chunk k: Int, count: Int) -> ArraySlice<Double> {
        storage[column]!.values[offsets[k - 1]..<offsets[k - 1] + count]
    }
}
