import Foundation

/// Where one chunk writes one column's values: a part of the final column's storage.
/// `@unchecked Sendable`: each slot is written by the one chunk it belongs to, while the storage is alive.
struct CSVSlot<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let capacity: Int

    /// The first `count` values written.
    func prefix(_ count: Int) -> UnsafeBufferPointer<Element> { UnsafeBufferPointer(start: base, count: count) }

    /// The `capacity` values from `start` on.
    func part(from start: Int, capacity: Int) -> CSVSlot { CSVSlot(base: base + start, capacity: capacity) }
}

/// One chunk's slot of one column (or, while the chunks are read, a column's whole storage), typed by the column's
/// kind in the first chunk.
enum CSVColumnSlot: Sendable {
    case numbers(CSVSlot<Double>)
    case integers(CSVSlot<Int?>)

    /// The `capacity` values from `start` on.
    func part(from start: Int, capacity: Int) -> CSVColumnSlot {
        switch self {
        case .numbers(let slot): .numbers(slot.part(from: start, capacity: capacity))
        case .integers(let slot): .integers(slot.part(from: start, capacity: capacity))
        }
    }
}

/// The final arrays of the number and integer columns, written in place by the chunks after the first so that
/// their values are not copied into the table afterwards.
///
/// Each chunk gets a slot sized by an estimate of its rows; a chunk with more rows, or whose column changes kind,
/// keeps its values itself instead. When every chunk of a column wrote into its slot, the slots are moved together
/// and the array becomes the column.
final class CSVColumnSlots: @unchecked Sendable {
    // `@unchecked Sendable`: concurrent users touch distinct columns' storage (`take…`) or distinct slots (`withSlots`).

    /// A column's final storage.
    private final class Storage<Element> {
        var values: [Element]
        init(count: Int) {
            // Every element is written before it is read (slots are moved together, the rest removed). Small
            // pages, not transparent huge ones: under a hypervisor that takes back free memory (virtio-balloon free
            // page reporting), a fresh 2 MiB page costs many times its 512 small ones to fault in.
            values = [Element](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
        }
    }

    /// A column's storage, by the kind its first chunk found.
    private enum ColumnStorage {
        case numbers(Storage<Double>)
        case integers(Storage<Int?>)
    }

    private let storage: [ColumnStorage?]
    /// The first chunk's row count: its values are copied to the start of the column.
    private let firstRows: Int
    /// The start of each later chunk's slot, then the total.
    private let offsets: [Int]

    /// Storage for the columns of kind number or integer among `kinds`, with slots of `estimates[k]` rows for the
    /// chunks after a first chunk of `firstRows` rows.
    init(kinds: [CSVKind], firstRows: Int, estimates: [Int]) {
        self.firstRows = firstRows
        offsets = estimates.reduce(into: [firstRows]) { $0.append($0.last! + $1) }
        let total = offsets.last!
        storage = kinds.map { kind in
            switch kind {
            case .double: .numbers(Storage(count: total))
            case .int: .integers(Storage(count: total))
            case .bool, .text: nil
            }
        }
    }

    /// Calls `body` with each later chunk's slot of each column (`nil` for columns without storage).
    func withSlots<T>(_ body: ([[CSVColumnSlot?]]) throws -> T) rethrows -> T {
        try withWholeSlots(storage[...], []) { columns in
            try body(offsets.indices.dropLast().map { k in
                columns.map { $0?.part(from: offsets[k], capacity: offsets[k + 1] - offsets[k]) }
            })
        }
    }

    /// Calls `body` with each column's whole storage as one slot, borrowed for the call.
    private func withWholeSlots<T>(
        _ rest: ArraySlice<ColumnStorage?>, _ slots: [CSVColumnSlot?], _ body: ([CSVColumnSlot?]) throws -> T
    ) rethrows -> T {
        guard let next = rest.first else { return try body(slots) }
        switch next {
        case .numbers(let storage):
            return try storage.values.withUnsafeMutableBufferPointer {
                try withWholeSlots(rest.dropFirst(), slots + [.numbers(CSVSlot(base: $0.baseAddress!, capacity: $0.count))], body)
            }
        case .integers(let storage):
            return try storage.values.withUnsafeMutableBufferPointer {
                try withWholeSlots(rest.dropFirst(), slots + [.integers(CSVSlot(base: $0.baseAddress!, capacity: $0.count))], body)
            }
        case nil:
            return try withWholeSlots(rest.dropFirst(), slots + [nil], body)
        }
    }

    /// The values of number column `column`, taken out of its storage, when every later chunk wrote its values
    /// into its slot; `nil` otherwise.
    func takeNumbers(_ column: Int, of chunks: [CSVChunk]) -> [Double]? {
        guard case .numbers(let storage) = storage[column] else { return nil }
        return take(storage, first: chunks[0].columns[column].doubleValues(), column: column, of: chunks)
    }

    /// The values of integer column `column`, taken out of its storage, when every later chunk wrote its values
    /// into its slot; `nil` otherwise.
    func takeIntegers(_ column: Int, of chunks: [CSVChunk]) -> [Int?]? {
        guard case .integers(let storage) = storage[column] else { return nil }
        return take(storage, first: chunks[0].columns[column].intValues(), column: column, of: chunks)
    }

    /// The first chunk's values then each slot's, moved together in `storage`.
    private func take<Element>(_ storage: Storage<Element>, first: [Element], column: Int, of chunks: [CSVChunk]) -> [Element]? {
        guard chunks.dropFirst().allSatisfy({ $0.columns[column].isInSlot }) else { return nil }
        var end = firstRows
        storage.values.withUnsafeMutableBufferPointer { values in
            _ = values.initialize(fromContentsOf: first)
            for (k, chunk) in chunks.enumerated().dropFirst() {
                let count = chunk.columns[column].count
                if offsets[k - 1] != end {
                    memmove(values.baseAddress! + end, values.baseAddress! + offsets[k - 1], count * MemoryLayout<Element>.stride)
                }
                end += count
            }
        }
        var values = storage.values
        storage.values = []
        values.removeLast(values.count - end)
        return values
    }

    /// The numbers chunk `k` (after the first) wrote into its slot of `column`.
    func numbers(_ column: Int, chunk k: Int, count: Int) -> ArraySlice<Double> {
        guard case .numbers(let storage) = storage[column] else { preconditionFailure("column \(column) holds no numbers") }
        return written(storage, chunk: k, count: count)
    }

    /// The integers chunk `k` (after the first) wrote into its slot of `column`.
    func integers(_ column: Int, chunk k: Int, count: Int) -> ArraySlice<Int?> {
        guard case .integers(let storage) = storage[column] else { preconditionFailure("column \(column) holds no integers") }
        return written(storage, chunk: k, count: count)
    }

    /// The `count` values chunk `k` (after the first) wrote into its slot of `storage`.
    private func written<Element>(_ storage: Storage<Element>, chunk k: Int, count: Int) -> ArraySlice<Element> {
        storage.values[offsets[k - 1]..<offsets[k - 1] + count]
    }
}
