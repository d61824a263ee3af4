import GRDB

extension SQLiteStore: StoreTables {
    package func rows(of table: String, offset: Int, limit: Int) async throws -> [SQLRow] {
        let query = Statements.page(of: table, offset: offset, limit: limit)
        return try await read { db in
            try Row.fetchAll(db, sql: query.sql, arguments: SQLiteStore.arguments(query.arguments)).map(SQLiteStore.sqlRow)
        }
    }

    package func insert(_ rows: [SQLRow], into table: String) async throws {
        try await write { db in
            for row in rows {
                let columns = row.values.keys.sorted()
                try db.execute(
                    sql: Statements.insert(into: table, columns: columns),
                    arguments: SQLiteStore.arguments(columns.map { row.values[$0] ?? .null }))
            }
        }
    }

    package func count(of table: String) async throws -> Int {
        try await read { db in try Int.fetchOne(db, sql: Statements.count(of: table)) ?? 0 }
    }

    /// A GRDB row as driver-independent values.
    static func sqlRow(_ row: Row) -> SQLRow {
        var values: [String: SQLValue] = [:]
        for (column, value) in row {
            switch value.storage {
            case .int64(let integer): values[column] = .integer(integer)
            case .double(let real): values[column] = .real(real)
            case .string(let text): values[column] = .text(text)
            case .blob(let data): values[column] = .text(String(decoding: data, as: UTF8.self))
            case .null: values[column] = .null
            }
        }
        return SQLRow(values)
    }
}
