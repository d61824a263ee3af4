/// How to read a delimited text file into a ``Table``.
public struct CSVOptions: Sendable, Equatable {
    /// Whether the first record names the columns; without a header, columns are named `c0`, `c1`, ….
    public var hasHeader: Bool
    /// The field separator, one ASCII character.
    public var delimiter: Character
    /// Field texts that mean a missing value (compared after trimming leading spaces).
    public var naValues: Set<String>
    /// Whether spaces after a delimiter are dropped (as in the adult data's `, ` separators).
    public var trimLeadingSpaces: Bool
    /// Whether one trailing `.` is dropped from text values (as in the adult test labels `>50K.`).
    public var stripTrailingPeriod: Bool
    /// Lines to skip before the header or the first record.
    public var skipLines: Int
    /// Columns to read as categories whatever their values look like.
    public var categoricalColumns: Set<String>

    /// The missing-value texts used unless the caller names others; `?` is not among them.
    public static let defaultNAValues: Set<String> = ["", "NA", "N/A", "n/a", "NaN", "nan", "NULL", "null", "#N/A"]

    /// Options with the given values; the defaults read an ordinary comma-separated file with a header.
    public init(
        hasHeader: Bool = true,
        delimiter: Character = ",",
        naValues: Set<String> = CSVOptions.defaultNAValues,
        trimLeadingSpaces: Bool = true,
        stripTrailingPeriod: Bool = false,
        skipLines: Int = 0,
        categoricalColumns: Set<String> = []
    ) {
        self.hasHeader = hasHeader
        self.delimiter = delimiter
        self.naValues = naValues
        self.trimLeadingSpaces = trimLeadingSpaces
        self.stripTrailingPeriod = stripTrailingPeriod
        self.skipLines = skipLines
        self.categoricalColumns = categoricalColumns
    }
}
