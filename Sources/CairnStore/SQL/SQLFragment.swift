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

    /// `<select> WHERE <condition> [ORDER BY …] [LIMIT ? OFFSET ?]`: the shape of every entity query.
    public static func select(
        _ select: String, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) -> SQLFragment {
        var query = SQLFragment("\(select) WHERE \(condition.sql)", condition.arguments)
        if let orderBy { query.append(SQLFragment("ORDER BY \(orderBy.sql)", orderBy.arguments)) }
        if let limit { query.append(SQLFragment("LIMIT ? OFFSET ?", [.integer(Int64(limit)), .integer(Int64(offset))])) }
        return query
    }

    /// `(?, ?, …)` for a list of values.
    public static func list(_ values: [SQLValue]) -> SQLFragment {
        SQLFragment("(" + values.map { _ in "?" }.joined(separator: ", ") + ")", values)
    }
}
