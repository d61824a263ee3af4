import CairnCore

/// A columnar table: named columns of equal length.
public struct Table: Sendable, Equatable, Codable {
    /// The columns, in order.
    public private(set) var columns: [Column]
    /// The number of rows.
    public let rowCount: Int

    /// Makes a table from columns.
    /// - Throws: `invalid_argument` when the columns differ in length or two share a name.
    public init(_ columns: [Column]) throws {
        let count = columns.first?.count ?? 0
        if let ragged = columns.first(where: { $0.count != count }) {
            throw CairnError.invalid("column '\(ragged.name)' has \(ragged.count) rows, expected \(count)")
        }
        var seen = Set<String>()
        for column in columns where !seen.insert(column.name).inserted {
            throw CairnError.invalid("column name '\(column.name)' appears twice")
        }
        self.columns = columns
        self.rowCount = count
    }

    /// The column names, in order.
    public var columnNames: [String] { columns.map(\.name) }

    /// The column with the given name, or `nil`.
    public subscript(name: String) -> Column? { columns.first { $0.name == name } }

    /// The column with the given name.
    /// - Throws: `not_found` when no column has that name.
    public func column(named name: String) throws -> Column {
        guard let column = self[name] else { throw CairnError.notFound("no column named '\(name)'") }
        return column
    }

    /// The rows at `indices`, in that order.
    public func selecting(rows indices: [Int]) -> Table {
        // Selecting rows keeps names unique and lengths equal, so the checks cannot fail.
        try! Table(columns.map { $0.selecting(indices) })
    }

    /// The table without the named columns.
    /// - Throws: `not_found` when a name is not a column.
    public func dropping(_ names: [String]) throws -> Table {
        for name in names { _ = try column(named: name) }
        return try Table(columns.filter { !names.contains($0.name) })
    }

    /// The table with `column` added at the end, or replacing the column of the same name.
    /// - Throws: `invalid_argument` when its length differs from the table's.
    public func setting(_ column: Column) throws -> Table {
        var columns = self.columns
        if let index = columns.firstIndex(where: { $0.name == column.name }) {
            columns[index] = column
        } else {
            columns.append(column)
        }
        return try Table(columns)
    }
}
