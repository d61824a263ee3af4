/// Joins one column's chunks into a typed ``Column`` of the column's final kind.
enum CSVColumnConverter {
    /// The column `column` of `chunks`, in order, as `kind`; text becomes dictionary-encoded categories.
    /// - Parameters:
    ///   - slots: the storage the chunks wrote their number and integer columns into, if any.
    static func convert(_ chunks: [CSVChunk], column: Int, name: String, kind: CSVKind, slots: CSVColumnSlots?) -> Column {
        switch kind {
        case .int:
            if let values = slots?.takeIntegers(column, of: chunks) { return Column(name: name, values: .int(values)) }
            return Column(name: name, values: .int(joined(chunks, column) { k, builder in
                builder.isInSlot ? slots!.integers(column, chunk: k, count: builder.count) : builder.intValues()[...]
            }))
        case .double:
            if let values = slots?.takeNumbers(column, of: chunks) { return Column(name: name, values: .double(values)) }
            return Column(name: name, values: .double(joined(chunks, column) { k, builder in
                guard builder.isInSlot else { return builder.doubleValues()[...] }
                guard builder.kind == .int else { return slots!.numbers(column, chunk: k, count: builder.count) }
                return builder.numbers(fromIntegers: slots!.integers(column, chunk: k, count: builder.count))[...]
            }))
        case .bool: return Column(name: name, values: .bool(joined(chunks, column) { $1.boolValues()[...] }))
        case .text: return categorical(chunks, column: column, name: name)
        }
    }

    private static func joined<T>(_ chunks: [CSVChunk], _ column: Int, _ values: (Int, CSVColumnBuilder) -> ArraySlice<T>) -> [T] {
        if chunks.count == 1 { return Array(values(0, chunks[0].columns[column])) }
        var all = [T]()
        all.reserveCapacity(chunks.reduce(0) { $0 + $1.rowCount })
        for (k, chunk) in chunks.enumerated() { all.append(contentsOf: values(k, chunk.columns[column])) }
        return all
    }

    /// Joins the chunks' codes, renumbering each chunk's levels into one list in order of first appearance.
    private static func categorical(_ chunks: [CSVChunk], column: Int, name: String) -> Column {
        if chunks.count == 1, chunks[0].columns[column].kind == .text {
            let builder = chunks[0].columns[column]
            return Column(name: name, values: .categorical(codes: builder.codes, levels: builder.levels.levels))
        }
        var index = CSVLevelIndex()
        let count = chunks.reduce(0) { $0 + $1.rowCount }
        let codes = [Int32](unsafeUninitializedCapacity: count) { codes, initialized in
            var start = 0
            for chunk in chunks {
                let builder = chunk.columns[column]
                let target = UnsafeMutableBufferPointer(rebasing: codes[start..<(start + builder.count)])
                start += builder.count
                guard builder.kind == .text else {
                    target.initialize(repeating: -1)
                    continue
                }
                let renumbered = builder.levels.levels.map { level in
                    var level = level
                    return level.withUTF8 { index.code(for: $0) }
                }
                builder.codes.withUnsafeBufferPointer { source in
                    for (row, code) in source.enumerated() { target[row] = code < 0 ? -1 : renumbered[Int(code)] }
                }
            }
            initialized = count
        }
        return Column(name: name, values: .categorical(codes: codes, levels: index.levels))
    }
}
