import CairnCore

/// Whole-table access to a store, for copying one store into another with ids and timestamps unchanged
/// (`cairn migrate`). Both adapters implement it over the same ``Schema``.
package protocol StoreTables: Sendable {
    /// Rows `offset..<offset + limit` of a table, in a stable order.
    func rows(of table: String, offset: Int, limit: Int) async throws -> [SQLRow]
    /// Inserts rows as they are, in one transaction.
    func insert(_ rows: [SQLRow], into table: String) async throws
    /// The number of rows in a table.
    func count(of table: String) async throws -> Int
}

/// Copies every table of one store into an empty one.
package enum StoreCopy {
    /// Rows moved per read and per insert transaction.
    static let chunk = 500

    /// - Returns: the rows copied per table, in copy order.
    /// - Throws: `invalidState` when the target already holds data.
    package static func copy(from source: any StoreTables, to target: any StoreTables) async throws -> [(table: String, rows: Int)] {
        for table in Schema.tables.map(\.name) where try await target.count(of: table) > 0 {
            throw CairnError(.invalidState, "The target store is not empty (table \(table) has rows); migrate into a new database")
        }
        var copied: [(table: String, rows: Int)] = []
        for table in Schema.tables.map(\.name) {
            var offset = 0
            while true {
                let rows = try await source.rows(of: table, offset: offset, limit: chunk)
                if rows.isEmpty { break }
                try await target.insert(rows, into: table)
                offset += rows.count
            }
            copied.append((table, offset))
        }
        return copied
    }
}
