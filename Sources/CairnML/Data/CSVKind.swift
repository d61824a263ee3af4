/// The kind a CSV column is read as, from the narrowest: whole numbers widen to numbers; any other mix is text.
enum CSVKind: UInt8, Sendable {
    case int, double, bool, text

    /// The narrowest kind that holds the values of both kinds.
    func joined(with other: CSVKind) -> CSVKind {
        if self == other { return self }
        if (self == .int && other == .double) || (self == .double && other == .int) { return .double }
        return .text
    }

    /// The narrowest kind of one present field's text.
    static func of(_ field: UnsafeBufferPointer<UInt8>) -> CSVKind {
        if CSVValueParser.int(field) != nil { return .int }
        if DecimalParser.parse(field) != nil { return .double }
        if CSVValueParser.bool(field) != nil { return .bool }
        return .text
    }
}
