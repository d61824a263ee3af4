import CairnCore
import Foundation

/// Reads delimited text (RFC 4180 quoting) into a ``Table``, inferring each column's kind.
///
/// Each column becomes integers if every present value is a whole number (an optional sign and at most 18
/// digits), numbers if every present value parses as a floating-point number (exactly as C's `strtod` reads it),
/// booleans for `true`/`false` in any letter case, and categories otherwise; a column without present values
/// becomes integers, all missing.
///
/// Large inputs are read concurrently: the records are cut into chunks at newlines outside quotes, each chunk is
/// scanned in place and its fields parsed as they are found, starting from the kinds seen in the first records;
/// the chunks' columns are then joined in the narrowest kind that holds them all.
public enum CSVReader {
    /// Reads the file at `path`, decompressing it first when it is gzip-compressed (by content, whatever its name).
    /// - Throws: `not_found` when the file cannot be read; `invalid_argument` for a malformed file.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try Gzip.withFileBytes(path) { try parse($0, options: options, chunkBytes: 1 << 20) }
    }

    /// Parses CSV text.
    /// - Throws: `invalid_argument` for a malformed text.
    public static func parse(_ text: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try parse(Array(text.utf8), options: options)
    }

    /// Parses CSV bytes (UTF-8).
    /// - Throws: `invalid_argument` when the delimiter is not one ASCII character, a record's field count differs
    ///   from the first record's (the message names the line), a quote is unterminated, or the input is empty.
    public static func parse(_ bytes: [UInt8], options: CSVOptions = CSVOptions()) throws -> Table {
        try bytes.withUnsafeBufferPointer { try parse($0, options: options, chunkBytes: 1 << 20) }
    }

    /// Parses CSV bytes, cut into chunks of about `chunkBytes` (at most four per core) after a first chunk of a
    /// sixteenth of that.
    static func parse(_ input: UnsafeBufferPointer<UInt8>, options: CSVOptions, chunkBytes: Int) throws -> Table {
        guard let delimiter = options.delimiter.asciiValue, delimiter != UInt8(ascii: "\"") else {
            throw CairnError.invalid("the delimiter must be one ASCII character other than a quote")
        }
        let scanner = CSVFieldScanner(delimiter: delimiter, trimLeadingSpaces: options.trimLeadingSpaces)
        guard let p = input.baseAddress else { throw CairnError.invalid("the CSV input has no records") }
        var i = 0
        var line = 1
        while line <= options.skipLines, i < input.count {
            if p[i] == CSVFieldScanner.newline { line += 1 }
            i += 1
        }
        guard scanner.skipBlankLines(p, &i, end: input.count, line: &line) else {
            throw CairnError.invalid("the CSV input has no records")
        }
        let (recordStart, recordLine) = (i, line)
        var first: [String] = []
        var separators = CSVSeparatorFinder(p, end: input.count, delimiter: delimiter)
        _ = try scanner.record(p, &i, end: input.count, line: &line, separators: &separators) { _, field in
            var content: [UInt8] = []
            if field.hasDoubledQuotes {
                CSVFieldScanner.appendUnescaped(p, field, to: &content)
            } else {
                content.append(contentsOf: UnsafeBufferPointer(start: p + field.start, count: field.end - field.start))
            }
            first.append(String(decoding: content, as: UTF8.self))
        }
        let names = options.hasHeader ? first : first.indices.map { "c\($0)" }
        if !options.hasHeader { (i, line) = (recordStart, recordLine) }
        let (chunks, kinds, slots) = try readChunks(
            input, from: i, line: line, names: names, options: options, scanner: scanner, chunkBytes: chunkBytes)
        let columns = Parallel.map(names.count) { column in
            CSVColumnConverter.convert(chunks, column: column, name: names[column], kind: kinds[column], slots: slots)
        }
        return try Table(columns)
    }
}
