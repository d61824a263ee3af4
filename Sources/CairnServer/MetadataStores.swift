import CairnStore
import CairnStorePostgres
import Logging
import ServiceLifecycle

/// Opens the metadata store a `--store` location names: a SQLite file (or `sqlite:///path`), or a
/// `postgres://user:password@host:port/database` URL. Backends are chosen here, once, at the composition root.
public enum MetadataStores {
    /// An opened store and, for PostgreSQL, the connection pool that must run (first in the service group)
    /// while the store is used.
    public struct Opened: Sendable {
        public let store: any MetadataStore
        public let pool: (any Service)?
        /// Migrates the schema; a no-op for SQLite, which migrates when it opens.
        public let migrate: @Sendable () async throws -> Void
        /// Whole-table access, for copying the store.
        package let tables: any StoreTables
    }

    /// Opens the store at `location`; PostgreSQL connects lazily, once `pool` runs.
    /// - Throws: `invalidArgument` for a malformed PostgreSQL URL, `unavailable` when a SQLite file cannot be opened.
    public static func open(_ location: String, logger: Logger) throws -> Opened {
        if isPostgres(location) {
            let store = PostgresStore(configuration: try PostgresStore.Configuration(url: location), logger: logger)
            return Opened(store: store, pool: store, migrate: { try await store.migrate() }, tables: store)
        }
        let store = try SQLiteStore(path: sqlitePath(location))
        return Opened(store: store, pool: nil, migrate: {}, tables: store)
    }

    /// Whether a location names PostgreSQL.
    public static func isPostgres(_ location: String) -> Bool { PostgresStore.Configuration.isPostgresURL(location) }

    /// The file of a SQLite location (a path or `sqlite:///path`).
    public static func sqlitePath(_ location: String) -> String {
        location.hasPrefix("sqlite:///") ? String(location.dropFirst("sqlite://".count)) : location
    }

    /// The location as it may be logged or shown: a PostgreSQL password is hidden.
    public static func redacted(_ location: String) -> String { PostgresStore.Configuration.redacted(location) }
}
