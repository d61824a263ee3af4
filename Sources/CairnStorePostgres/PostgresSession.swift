import CairnStore
import Logging
import PostgresNIO

/// One leased connection inside a transaction, speaking in shared ``SQLFragment``s and ``SQLRow``s.
struct PostgresSession {
    let connection: PostgresConnection
    let logger: Logger

    /// Rows of a query.
    func rows(_ sql: String, _ arguments: [SQLValue] = []) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        for try await row in try await connection.query(Self.query(sql, arguments), logger: logger) {
            rows.append(Self.decode(row))
        }
        return rows
    }

    /// Rows of a fragment.
    func rows(_ fragment: SQLFragment) async throws -> [SQLRow] {
        try await rows(fragment.sql, fragment.arguments)
    }

    /// Runs a statement, discarding any rows.
    func execute(_ sql: String, _ arguments: [SQLValue] = []) async throws {
        _ = try await rows(sql, arguments)
    }

    /// Runs an `INSERT … VALUES (?, …) …` statement for many rows at once, in as few round trips as the
    /// protocol's limit on bound values allows.
    func executeRows(_ sql: String, _ rows: [[SQLValue]]) async throws {
        guard let width = rows.first?.count, width > 0 else { return }
        let perStatement = max(1, 30_000 / width)
        for start in stride(from: 0, to: rows.count, by: perStatement) {
            let chunk = rows[start..<min(start + perStatement, rows.count)]
            try await execute(Statements.repeatingValues(sql, rows: chunk.count), chunk.flatMap { $0 })
        }
    }

    /// Runs a `DELETE` and tells whether it removed a row.
    func deleted(_ sql: String, _ arguments: [SQLValue]) async throws -> Bool {
        try await !rows(sql + " RETURNING 1", arguments).isEmpty
    }

    /// The first column of the first row as an integer.
    func integer(_ sql: String, _ arguments: [SQLValue] = []) async throws -> Int64? {
        guard let row = try await rows(sql, arguments).first, let value = row.values.values.first else { return nil }
        return SQLRow(["v": value]).integer("v")
    }

    static func query(_ sql: String, _ arguments: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: arguments.count)
        for argument in arguments {
            switch argument {
            case .text(let text): bindings.append(text)
            case .integer(let integer): bindings.append(integer)
            case .real(let real): bindings.append(real)
            case .null: bindings.appendNull()
            }
        }
        return PostgresQuery(unsafeSQL: SQLDialect.postgres.render(sql), binds: bindings)
    }

    static func decode(_ row: PostgresRow) -> SQLRow {
        var values: [String: SQLValue] = [:]
        for cell in row {
            values[cell.columnName] = value(cell)
        }
        return SQLRow(values)
    }

    private static func value(_ cell: PostgresCell) -> SQLValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8: return (try? cell.decode(Int64.self)).map(SQLValue.integer) ?? .null
        case .float4, .float8: return (try? cell.decode(Double.self)).map(SQLValue.real) ?? .null
        case .bool: return (try? cell.decode(Bool.self)).map { .integer($0 ? 1 : 0) } ?? .null
        default: return (try? cell.decode(String.self)).map(SQLValue.text) ?? .null
        }
    }
}
