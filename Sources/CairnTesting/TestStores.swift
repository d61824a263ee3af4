import CairnArtifacts
import CairnCore
import CairnStore
import CairnStorePostgres
import Foundation
import Logging

/// The store backends a contract suite runs against.
///
/// PostgreSQL is in ``allCases`` unless `CAIRN_SKIP_POSTGRES=1`; its stores then need `CAIRN_TEST_POSTGRES_URL`
/// (scripts/test starts a server and sets it), and without it they fail saying so.
public enum StoreBackend: String, Sendable, CustomStringConvertible, CaseIterable {
    case sqlite
    case postgres

    public var description: String { rawValue }

    /// The backends to test: both, or only SQLite when PostgreSQL is skipped on purpose.
    public static var allCases: [StoreBackend] { postgresSkipped ? [.sqlite] : [.sqlite, .postgres] }

    /// Whether `CAIRN_SKIP_POSTGRES=1` leaves PostgreSQL out of the contract runs.
    public static var postgresSkipped: Bool { ProcessInfo.processInfo.environment["CAIRN_SKIP_POSTGRES"] == "1" }
}

/// Fresh, isolated stores for tests: each call gets its own temporary directory or PostgreSQL schema.
public enum TestStores {
    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new, migrated, empty store of the given backend.
    /// - Throws: `unavailable` for PostgreSQL when `CAIRN_TEST_POSTGRES_URL` is not set.
    public static func store(_ backend: StoreBackend) async throws -> any MetadataStore {
        switch backend {
        case .sqlite: return try SQLiteStore(path: temporaryDirectory().appendingPathComponent("cairn.db").path)
        case .postgres: return try await postgresStore()
        }
    }

    /// A migrated PostgreSQL store in a schema of its own, its pool running for the rest of the test process.
    /// - Parameter options: URL query items added to the test server's URL, such as `sslmode=disable`.
    public static func postgresStore(maximumConnections: Int = 8, options: String = "") async throws -> PostgresStore {
        let url = try postgresURL()
        var configuration = try PostgresStore.Configuration(
            url: options.isEmpty ? url : url + (url.contains("?") ? "&" : "?") + options)
        configuration.schema = "test_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        configuration.maximumConnections = maximumConnections
        // Parallel tests on a loaded machine may wait longer than a server's default for a connection.
        configuration.requestTimeout = .seconds(60)
        let store = PostgresStore(configuration: configuration, logger: Logger(label: "cairn.test.postgres"))
        // Tests are the composition root here: the pool runs until the test process exits.
        Task { try await store.run() }
        try await store.migrate()
        return store
    }

    /// The URL of the test PostgreSQL server.
    /// - Throws: `unavailable` when `CAIRN_TEST_POSTGRES_URL` is not set.
    public static func postgresURL() throws -> String {
        guard let url = ProcessInfo.processInfo.environment["CAIRN_TEST_POSTGRES_URL"], !url.isEmpty else {
            throw CairnError(
                .unavailable,
                "CAIRN_TEST_POSTGRES_URL is not set: run scripts/test (it starts PostgreSQL), or set CAIRN_SKIP_POSTGRES=1")
        }
        return url
    }

    /// A new local artifact store in its own directory.
    public static func artifacts() throws -> LocalArtifactStore {
        try LocalArtifactStore(root: temporaryDirectory().appendingPathComponent("artifacts"))
    }
}
