import CairnCore
import Foundation

/// The fields of a delimited text, unquoted and stored end to end, row-major.
struct CSVFields: Sendable {
    /// Every field's content, concatenated.
    var content: [UInt8] = []
    /// The end offset in `content` of each field, row-major; a field starts where the previous one ends.
    var ends: [Int] = []
    /// Fields per record.
    var columnCount = 0
    /// Index in `ends` of the first record's first field.
    var firstField = 0

    /// The number of records.
    var rowCount: Int { columnCount == 0 ? 0 : (ends.count - firstField) / columnCount }

    /// The byte range of a field in `content`.
    func range(row: Int, column: Int) -> Range<Int> {
        let k = firstField + row * columnCount + column
        return (k == 0 ? 0 : ends[k - 1])..<ends[k]
    }

    /// A field's text.
    func string(row: Int, column: Int) -> String {
        String(decoding: content[range(row: row, column: column)], as: UTF8.self)
    }

    /// Drops the first record (a header once read).
    mutating func dropFirstRecord() { firstField += columnCount }
}

/// Splits delimited bytes into fields (RFC 4180: quoted fields may hold delimiters, doubled quotes and newlines).
struct CSVTokenizer {
    let delimiter: UInt8
    let trimLeadingSpaces: Bool

    private static let quote = UInt8(ascii: "\"")
    private static let newline = UInt8(ascii: "\n")
    private static let carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " ")

    /// The fields of `bytes`, skipping blank lines and the first `skipLines` lines.
    /// - Throws: `invalid_argument` for an unterminated quote, text after a closing quote, or a record whose field
    ///   count differs from the first record's; the message names the line.
    func tokenize(_ bytes: [UInt8], skipLines: Int) throws -> CSVFields {
        try bytes.withUnsafeBufferPointer { try tokenize($0, skipLines: skipLines) }
    }

    /// The fields of `bytes` in consecutive parts, tokenized concurrently: a large input without quotes is cut in
    /// two at a line break. The records are those of ``tokenize(_:skipLines:)`` in the same order; any error, or
    /// parts that disagree on the field count, falls back to one serial pass, whose error names the line.
    func tokenizeInParts(_ bytes: [UInt8], skipLines: Int) throws -> [CSVFields] {
        let minimumSplit = 1 << 20
        let parts: [CSVFields]? = bytes.withUnsafeBufferPointer { input in
            guard input.count >= minimumSplit, memchr(input.baseAddress!, Int32(Self.quote), input.count) == nil,
                let newline = memchr(input.baseAddress! + input.count / 2, Int32(Self.newline), input.count - input.count / 2)
            else { return nil }
            let cut = input.baseAddress!.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
            // Both halves only read the input, which outlives the concurrent calls.
            let shared = SharedBuffer(base: UnsafeMutablePointer(mutating: input.baseAddress!))
            let bounds = [0..<cut, cut..<input.count]
            let results = Parallel.map(2) { k in
                try? tokenize(UnsafeBufferPointer(start: shared.base + bounds[k].lowerBound, count: bounds[k].count), skipLines: k == 0 ? skipLines : 0)
            }
            guard let first = results[0], let second = results[1] else { return nil }
            if second.columnCount == 0 { return [first] }
            return first.columnCount == second.columnCount ? [first, second] : nil
        }
        return try parts ?? [tokenize(bytes, skipLines: skipLines)]
    }

    private func tokenize(_ input: UnsafeBufferPointer<UInt8>, skipLines: Int) throws -> CSVFields {
        var fields = CSVFields()
        fields.content.reserveCapacity(input.count)
        do {
            let n = input.count
            var i = 0
            var line = 1
            while line <= skipLines, i < n {
                if input[i] == Self.newline { line += 1 }
                i += 1
            }
            while i < n {
                if input[i] == Self.newline || (input[i] == Self.carriageReturn && i + 1 < n && input[i + 1] == Self.newline) {
                    i += input[i] == Self.newline ? 1 : 2
                    line += 1
                    continue
                }
                let recordLine = line
                var count = 0
                var endOfRecord = false
                while !endOfRecord {
                    if trimLeadingSpaces { while i < n, input[i] == Self.space { i += 1 } }
                    if i < n, input[i] == Self.quote {
                        i = try quotedField(input, from: i + 1, line: &line, into: &fields.content)
                    } else {
                        let start = i
                        while i < n, input[i] != delimiter, input[i] != Self.newline { i += 1 }
                        var end = i
                        if end > start, input[end - 1] == Self.carriageReturn { end -= 1 }
                        fields.content.append(contentsOf: input[start..<end])
                    }
                    fields.ends.append(fields.content.count)
                    count += 1
                    if i < n, input[i] == delimiter {
                        i += 1
                    } else {
                        if i < n { line += 1 }
                        i += 1
                        endOfRecord = true
                    }
                }
                if fields.columnCount == 0 {
                    fields.columnCount = count
                } else if count != fields.columnCount {
                    throw CairnError.invalid("line \(recordLine) has \(count) fields, expected \(fields.columnCount)")
                }
            }
        }
        return fields
    }

    /// Copies a quoted field's content, starting just after its opening quote; returns the index of the byte that
    /// ends the field (a delimiter, a newline, or the end of input).
    private func quotedField(
        _ input: UnsafeBufferPointer<UInt8>, from start: Int, line: inout Int, into content: inout [UInt8]
    ) throws -> Int {
        let openedOn = line
        var i = start
        let n = input.count
        while true {
            guard i < n else { throw CairnError.invalid("line \(openedOn) has an unterminated quoted field") }
            let byte = input[i]
            if byte == Self.quote {
                if i + 1 < n, input[i + 1] == Self.quote {
                    content.append(Self.quote)
                    i += 2
                    continue
                }
                i += 1
                break
            }
            if byte == Self.newline { line += 1 }
            content.append(byte)
            i += 1
        }
        while i < n, input[i] == Self.space || input[i] == Self.carriageReturn { i += 1 }
        guard i == n || input[i] == delimiter || input[i] == Self.newline else {
            throw CairnError.invalid("line \(line) has text after a closing quote")
        }
        return i
    }
}
