/// A value bound to a `?` placeholder, independent of the database driver.
public enum SQLValue: Sendable, Hashable {
    case text(String)
    case integer(Int64)
    case real(Double)
    case null
}

/// A piece of SQL with `?` placeholders and the values bound to them, in order.
///
/// Values are always bound, never spliced into the text, so user input cannot change the statement.
public struct SQLFragment: Sendable {
    public var sql: String
    public var arguments: [SQLValue]

    public init(_ sql: String, _ arguments: [SQLValue] = []) {
        self.sql = sql
        self.arguments = arguments
    }

    /// Appends another fragment with a separator.
    public mutating func append(_ other: SQLFragment, separator: String = " ") {
        sql += (sql.isEmpty ? "" : separator) + other.sql
        arguments += other.arguments
    }

    /// Joins fragments with a separator.
    public static func joined(_ fragments: [SQLFragment], separator: String) -> SQLFragment {
        var result = SQLFragment("")
        for fragment in fragments { result.append(fragment, separator: separator) }
        return result
    }

    /// `(?, ?, …)` for a list of values.
    public static func list(_ values: [SQLValue]) -> SQLFragment {
        SQLFragment("(" + values.map { _ in "?" }.joined(separator: ", ") + ")", values)
    }
}
