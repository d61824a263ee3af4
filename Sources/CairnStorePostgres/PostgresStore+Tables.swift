import CairnStore

extension PostgresStore: StoreTables {
    package func rows(of table: String, offset: Int, limit: Int) async throws -> [SQLRow] {
        try await read { session in try await session.rows(Statements.page(of: table, offset: offset, limit: limit)) }
    }

    package func insert(_ rows: [SQLRow], into table: String) async throws {
        guard let columns = rows.first?.values.keys.sorted() else { return }
        try await write { session in
            try await session.executeRows(
                Statements.insert(into: table, columns: columns), rows.map { row in columns.map { row.values[$0] ?? .null } })
        }
    }

    package func count(of table: String) async throws -> Int {
        try await read { session in Int(try await session.integer(Statements.count(of: table)) ?? 0) }
    }
}
