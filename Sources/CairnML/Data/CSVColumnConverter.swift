/// Joins one column's chunks into a typed ``Column`` of the column's final kind.
struct CSVColumnConverter: Sendable {
    let stripTrailingPeriod: Bool

    /// The column `column` of `chunks`, in order, as `kind`; text becomes dictionary-encoded categories.
    /// - Parameters:
    ///   - slots: the storage the chunks wrote their number columns into, if any.
    ///   - input: the bytes the chunks were read from.
    func convert(
        _ chunks: [CSVChunk], column: Int, name: String, kind: CSVKind, slots: CSVNumberSlots?, input: UnsafeBufferPointer<UInt8>
    ) -> Column {
        switch kind {
        case .int: return Column(name: name, values: .int(joined(chunks, column) { $1.intValues()[...] }))
        case .double:
            if let values = slots?.take(column, of: chunks) { return Column(name: name, values: .double(values)) }
            return Column(name: name, values: .double(joined(chunks, column) { k, builder in
                builder.isInSlot ? slots!.values(column, chunk: k, count: builder.count) : builder.doubleValues()[...]
            }))
        case .bool: return Column(name: name, values: .bool(joined(chunks, column) { $1.boolValues()[...] }))
        case .text: return categorical(chunks, column: column, name: name, input: input)
        }
    }

    private func joined<T>(_ chunks: [CSVChunk], _ column: Int, _ values: (Int, CSVColumnBuilder) -> ArraySlice<T>) -> [T] {
        if chunks.count == 1 { return Array(values(0, chunks[0].columns[column])) }
        var all = [T]()
        all.reserveCapacity(chunks.reduce(0) { $0 + $1.rowCount })
        for (k, chunk) in chunks.enumerated() { all.append(contentsOf: values(k, chunk.columns[column])) }
        return all
    }

    private func categorical(_ chunks: [CSVChunk], column: Int, name: String, input: UnsafeBufferPointer<UInt8>) -> Column {
        var index = CSVLevelIndex()
        var codes = [Int32]()
        codes.reserveCapacity(chunks.reduce(0) { $0 + $1.rowCount })
        for chunk in chunks {
            let builder = chunk.columns[column]
            guard builder.kind == .text else {
                codes.append(contentsOf: repeatElement(-1, count: builder.count))
                continue
            }
            chunk.unescaped.withUnsafeBufferPointer { unescaped in
                for location in builder.texts {
                    guard location.count >= 0 else {
                        codes.append(-1)
                        continue
                    }
                    let start = location.offset >= 0 ? input.baseAddress! + location.offset : unescaped.baseAddress! + (-location.offset - 1)
                    var count = location.count
                    if stripTrailingPeriod, count > 0, start[count - 1] == UInt8(ascii: ".") { count -= 1 }
                    codes.append(index.code(for: UnsafeBufferPointer(start: start, count: count)))
                }
            }
        }
        return Column(name: name, values: .categorical(codes: codes, levels: index.levels))
    }
}
