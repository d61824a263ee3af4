/// The differences between the two databases the store adapters speak, so both build their SQL from one shape.
///
/// Statements are written once with `?` placeholders and the `ON CONFLICT` upsert syntax both databases accept;
/// the dialect renders placeholders and the few operators that differ.
package enum SQLDialect: Sendable {
    case sqlite
    case postgres

    /// The statement text with `?` placeholders rendered for this database (`$1`, `$2`, … for PostgreSQL).
    ///
    /// Placeholders inside single-quoted literals are left alone.
    package func render(_ sql: String) -> String {
        guard self == .postgres else { return sql }
        var result = ""
        result.reserveCapacity(sql.utf8.count + 16)
        var index = 0
        var inLiteral = false
        for character in sql {
            if character == "'" { inLiteral.toggle() }
            if character == "?" && !inLiteral {
                index += 1
                result += "$\(index)"
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// A case-sensitive `LIKE` (`%`, `_`) of `column` against a bound pattern.
    package func caseSensitiveLike(_ column: String, pattern: String) -> SQLFragment {
        switch self {
        // SQLite's LIKE ignores ASCII case; GLOB is case-sensitive, so translate the pattern.
        case .sqlite: SQLFragment("\(column) GLOB ?", [.text(SearchSQL.glob(fromLike: pattern))])
        case .postgres: SQLFragment("\(column) LIKE ?", [.text(pattern)])
        }
    }
}
