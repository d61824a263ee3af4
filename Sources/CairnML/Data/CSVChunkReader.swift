import CairnCore

/// The records of one chunk of a CSV input, column by column.
struct CSVChunk: Sendable {
    /// One builder per column.
    var columns: [CSVColumnBuilder]
    /// The number of records.
    var rowCount: Int { columns.first?.count ?? 0 }
}

/// Reads the records of one chunk of a CSV input (a byte range that starts at a record) into typed columns,
/// parsing each field as it is found.
struct CSVChunkReader {
    let scanner: CSVFieldScanner
    let missing: CSVMissingValues
    /// The number of fields every record must have.
    let columnCount: Int
    /// Whether one trailing `.` is dropped from texts.
    let stripTrailingPeriod: Bool

    /// The records of `input[range]`, starting with columns of `kinds`; a column that turns out to need text is
    /// read again as text.
    /// - Parameters:
    ///   - firstLine: the line number of the chunk's first byte, for error messages.
    ///   - slots: where each number and integer column writes its values, if anywhere.
    /// - Throws: `invalid_argument` naming the line of a record whose field count differs from `columnCount`, an
    ///   unterminated quote, or text after a closing quote.
    func read(
        _ input: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int, kinds: [CSVKind], slots: [CSVColumnSlot?]? = nil
    ) throws -> CSVChunk {
        var kinds = kinds
        while true {
            let chunk = try readOnce(input, range: range, firstLine: firstLine, kinds: kinds, slots: slots)
            guard chunk.columns.contains(where: \.needsText) else { return chunk }
            kinds = chunk.columns.map(\.kind)
        }
    }

    private func readOnce(
        _ input: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int, kinds: [CSVKind], slots: [CSVColumnSlot?]?
    ) throws -> CSVChunk {
        guard let p = input.baseAddress, !range.isEmpty else {
            return CSVChunk(columns: kinds.map { CSVColumnBuilder(kind: $0, capacity: 0, stripTrailingPeriod: stripTrailingPeriod) })
        }
        let capacity = estimatedRows(p, range: range)
        var columns = kinds.indices.map {
            CSVColumnBuilder(kind: kinds[$0], capacity: capacity, slot: slots?[$0], stripTrailingPeriod: stripTrailingPeriod)
        }
        let columnCount = columnCount
        let end = range.upperBound
        // A plain decimal is a number, never a missing value, unless some missing-value text looks like a number.
        let numbersAreDirect = !missing.mayLookLikeNumbers
        try columns.withUnsafeMutableBufferPointer { columns in
            // The scanning state is the closure's own, so that it stays in registers.
            var unescaped: [UInt8] = []
            var i = range.lowerBound
            var line = firstLine
            var separators = CSVSeparatorFinder(p, end: end, delimiter: scanner.delimiter)
            while scanner.skipBlankLines(p, &i, end: end, line: &line) {
                let recordLine = line
                let count = try scanner.record(p, &i, end: end, line: &line, separators: &separators) { column, field in
                    guard column < columnCount else { return }
                    if field.hasDoubledQuotes {
                        unescaped.removeAll(keepingCapacity: true)
                        CSVFieldScanner.appendUnescaped(p, field, to: &unescaped)
                        unescaped.withUnsafeBufferPointer { append($0, to: &columns[column]) }
                    } else if numbersAreDirect, columns[column].kind == .double,
                        let value = DecimalParser.plain(p + field.start, count: field.end &- field.start, readable: end &- field.start)
                    {
                        columns[column].append(value)
                    } else {
                        append(UnsafeBufferPointer(start: p + field.start, count: field.end - field.start), to: &columns[column])
                    }
                }
                guard count == columnCount else {
                    throw CairnError.invalid("line \(recordLine) has \(count) fields, expected \(columnCount)")
                }
            }
        }
        return CSVChunk(columns: columns)
    }

    @inline(__always)
    private func append(_ field: UnsafeBufferPointer<UInt8>, to column: inout CSVColumnBuilder) {
        if missing.contains(field) {
            column.appendMissing()
        } else {
            column.append(field)
        }
    }

    /// A generous guess at the number of records in the range, from the length of its first line.
    private func estimatedRows(_ p: UnsafePointer<UInt8>, range: Range<Int>) -> Int {
        var end = range.lowerBound
        while end < range.upperBound, end - range.lowerBound < 4096, p[end] != CSVFieldScanner.newline { end += 1 }
        let firstLine = Swift.max(end - range.lowerBound, 2 * columnCount, 1)
        return range.count / firstLine * 5 / 4 + 16
    }
}
