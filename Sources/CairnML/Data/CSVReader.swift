import CairnCore
import Foundation

/// Reads delimited text (RFC 4180 quoting) into a ``Table``, inferring each column's kind.
///
/// Each column becomes integers if every present value is a whole number, numbers if every present value parses
/// as a floating-point number, booleans for `true`/`false`, and categories otherwise.
public enum CSVReader {
    /// Reads the file at `path`, decompressing it first when it is gzip-compressed (by content, whatever its name).
    /// - Throws: `not_found` when the file cannot be read; `invalid_argument` for a malformed file.
    public static func read(path: String, options: CSVOptions = CSVOptions()) throws -> Table {
        try parse(Gzip.readFile(path), options: options)
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
        guard let delimiter = options.delimiter.asciiValue, delimiter != UInt8(ascii: "\"") else {
            throw CairnError.invalid("the delimiter must be one ASCII character other than a quote")
        }
        var parts = try CSVTokenizer(delimiter: delimiter, trimLeadingSpaces: options.trimLeadingSpaces)
            .tokenizeInParts(bytes, skipLines: options.skipLines)
        let columnCount = parts[0].columnCount
        guard columnCount > 0 else { throw CairnError.invalid("the CSV input has no records") }
        let names: [String]
        if options.hasHeader {
            names = (0..<columnCount).map { parts[0].string(row: 0, column: $0) }
            parts[0].dropFirstRecord()
        } else {
            names = (0..<columnCount).map { "c\($0)" }
        }
        let parsed = parts
        let converter = CSVColumnConverter(options: options)
        let columns = Parallel.map(names.count) { converter.convert(parsed, column: $0, name: names[$0]) }
        return try Table(columns)
    }
}
