/// Joins one column's chunks into a typed ``Column`` of the column's final kind.
struct CSVColumnConverter: Sendable {
    let stripTrailingPeriod: Bool

    /// The column `column` of `chunks`, in order, as `kind`; text becomes dictionary-encoded categories.
    /// - Parameters:
    ///   - input: the bytes the chunks were read from.
    func convert(_ chunks: [CSVChunk], column: Int, name: String, kind: CSVKind, input: UnsafeBufferPointer<UInt8>) -> Column {
        switch kind {
        case .int: Column(name: name, values: .int(joined(chunks, column) { $0.intValues() }))
        case .double: Column(name: name, values: .double(joined(chunks, column) { $0.doubleValues() }))
        case .bool: Column(name: name, values: .bool(joined(chunks, column) { $0.boolValues() }))
        case .text: categorical(chunks, column: column, name: name, input: input)
        }
    }

    private func joined<T>(_ chunks: [CSVChunk], _ column: Int, _ values: (CSVColumnBuilder) -> [T]) -> [T] {
        if chunks.count == 1 { return values(chunks[0].columns[column]) }
        var all = [T]()
        all.reserveCapacity(chunks.reduce(0) { $0 + $1.rowCount })
        for chunk in chunks { all.append(contentsOf: values(chunk.columns[column])) }
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
