import CairnCore
import Foundation
import GRDB
import Metrics

/// The embedded store: one SQLite database in WAL mode behind a GRDB `DatabasePool`, implementing every store
/// port of the tracking and registry contexts.
///
/// `synchronous = NORMAL` in WAL mode makes each commit durable against a crash of the process (kill -9); only a
/// power loss can drop the last commits. A busy timeout lets a CLI write beside a running server.
public final class SQLiteStore: Sendable {
    let pool: DatabasePool

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    /// - Throws: `unavailable` when the file cannot be opened or migrated.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        do {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent()
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            pool = try DatabasePool(path: path, configuration: configuration)
            try Migrations.migrator.migrate(pool)
        } catch {
            throw CairnError(.unavailable, "Cannot open the store at \(path): \(error)")
        }
    }

    private static let writeTimer = Timer(label: "cairn_store_duration_seconds", dimensions: [("operation", "write")])
    private static let readTimer = Timer(label: "cairn_store_duration_seconds", dimensions: [("operation", "read")])

    /// Runs `body` in a write transaction, translating database errors into ``CairnError``.
    func write<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await timed(Self.writeTimer) { try await self.pool.write(body) }
    }

    /// Runs `body` on a read-only snapshot, translating database errors into ``CairnError``.
    func read<T: Sendable>(_ body: @escaping @Sendable (Database) throws -> T) async throws -> T {
        try await timed(Self.readTimer) { try await self.pool.read(body) }
    }

    private func timed<T: Sendable>(_ timer: Timer, _ body: () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            timer.recordNanoseconds(elapsed.nanoseconds)
        }
        do {
            return try await body()
        } catch let error as DatabaseError {
            throw Self.translate(error)
        }
    }

    static func translate(_ error: DatabaseError) -> CairnError {
        switch error.resultCode {
        case .SQLITE_CONSTRAINT: CairnError(.conflict, "A conflicting record exists")
        case .SQLITE_BUSY, .SQLITE_LOCKED: CairnError(.unavailable, "The database is busy; try again")
        case .SQLITE_FULL, .SQLITE_IOERR, .SQLITE_CANTOPEN: CairnError(.unavailable, "The database cannot be written")
        default: CairnError(.internal, "Database error \(error.resultCode)")
        }
    }

    /// The arguments of a fragment, bound for GRDB.
    static func arguments(_ values: [SQLValue]) -> StatementArguments {
        StatementArguments(values.map { value -> (any DatabaseValueConvertible)? in
            switch value {
            case .text(let text): text
            case .integer(let integer): integer
            case .real(let real): real
            case .null: nil
            }
        })
    }
}
