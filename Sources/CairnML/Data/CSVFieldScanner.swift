import CairnCore

/// One field found by ``CSVFieldScanner``: its content's bytes in the input.
struct CSVScannedField {
    /// The first byte of the content (after an opening quote).
    var start: Int
    /// The end of the content (before a closing quote or a carriage return).
    var end: Int
    /// Whether the content holds doubled quotes that stand for one quote each.
    var hasDoubledQuotes: Bool
}

/// Finds the records and fields of delimited text in place (RFC 4180: quoted fields may hold delimiters, doubled
/// quotes and newlines), without copying their content.
struct CSVFieldScanner: Sendable {
    let delimiter: UInt8
    let trimLeadingSpaces: Bool

    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriageReturn = UInt8(ascii: "\r")
    static let space = UInt8(ascii: " ")

    /// Moves `i` past blank lines (and `line` with it).
    /// - Returns: whether a record starts at `i`, before `end`.
    @inline(__always)
    func skipBlankLines(_ p: UnsafePointer<UInt8>, _ i: inout Int, end: Int, line: inout Int) -> Bool {
        while i < end {
            if p[i] == Self.newline {
                i += 1
            } else if p[i] == Self.carriageReturn && i + 1 < end && p[i + 1] == Self.newline {
                i += 2
            } else {
                return true
            }
            line += 1
        }
        return false
    }

    /// Reads the record at `i`, calling `body(column, field)` for each field in order, and moves `i` past the
    /// record's newline and `line` to the line after it. `separators` finds the ends of unquoted fields; it must
    /// be over the same bytes, and reads them ahead of `i`.
    /// - Returns: the number of fields.
    /// - Throws: `invalid_argument` for an unterminated quote or text after a closing quote, naming the line.
    @inline(__always)
    func record(
        _ p: UnsafePointer<UInt8>, _ i: inout Int, end: Int, line: inout Int, separators: inout CSVSeparatorFinder,
        _ body: (Int, CSVScannedField) -> Void
    ) throws -> Int {
        var column = 0
        while true {
            // Spaces and quotes sort before every digit, sign, point and letter: one test passes most fields.
            var quoted = false
            if i < end, p[i] <= Self.quote {
                if trimLeadingSpaces { while i < end, p[i] == Self.space { i += 1 } }
                quoted = i < end && p[i] == Self.quote
            }
            let endsAtDelimiter: Bool
            if quoted {
                body(column, try quotedField(p, &i, end: end, line: &line))
                endsAtDelimiter = i < end && p[i] == delimiter
            } else {
                let start = i
                i = separators.next(from: i)
                endsAtDelimiter = i < end && p[i] == delimiter
                // The carriage return of a CRLF line ending is not part of the record's last field. (Wrapping
                // arithmetic on indices inside the input, which cannot overflow.)
                let fieldEnd = !endsAtDelimiter && i > start && p[i &- 1] == Self.carriageReturn ? i &- 1 : i
                body(column, CSVScannedField(start: start, end: fieldEnd, hasDoubledQuotes: false))
            }
            column &+= 1
            if endsAtDelimiter {
                i &+= 1
            } else {
                // Past the newline; a record that ends the input leaves `i` at `end`, never beyond it.
                if i < end {
                    line += 1
                    i += 1
                }
                return column
            }
        }
    }

    /// The quoted field whose opening quote is at `i`; moves `i` to the byte that ends the field (a delimiter, a
    /// newline, or `end`).
    private func quotedField(_ p: UnsafePointer<UInt8>, _ i: inout Int, end: Int, line: inout Int) throws -> CSVScannedField {
        let openedOn = line
        i += 1
        let start = i
        var doubled = false
        while true {
            guard i < end else { throw CairnError.invalid("line \(openedOn) has an unterminated quoted field") }
            if p[i] == Self.quote {
                if i + 1 < end, p[i + 1] == Self.quote {
                    doubled = true
                    i += 2
                    continue
                }
                break
            }
            if p[i] == Self.newline { line += 1 }
            i += 1
        }
        let field = CSVScannedField(start: start, end: i, hasDoubledQuotes: doubled)
        i += 1
        while i < end, p[i] == Self.space || p[i] == Self.carriageReturn { i += 1 }
        guard i == end || p[i] == delimiter || p[i] == Self.newline else {
            throw CairnError.invalid("line \(line) has text after a closing quote")
        }
        return field
    }

    /// Appends a quoted field's content to `buffer` with each doubled quote made one.
    static func appendUnescaped(_ p: UnsafePointer<UInt8>, _ field: CSVScannedField, to buffer: inout [UInt8]) {
        var i = field.start
        while i < field.end {
            buffer.append(p[i])
            i += p[i] == quote ? 2 : 1
        }
    }
}
