import CairnCore
import CairnStore
import Logging
import Metrics
import PostgresNIO
import ServiceLifecycle

/// The shared store: PostgreSQL behind postgres-nio's connection pool, implementing every store port of the
/// tracking and registry contexts with the same SQL shape as the SQLite adapter.
///
/// The store is a `Service`: its ``run()`` keeps the pool alive and must be running (first in the service group)
/// while requests are served. Each write is one transaction, committed before the call returns. When PostgreSQL
/// cannot be reached within ``Configuration/requestTimeout``, calls fail with `unavailable` and later calls
/// succeed again once it is back.
public final class PostgresStore: Service, Sendable {
    let client: PostgresClient
    let configuration: Configuration
    let logger: Logger

    /// Creates the store and its pool; nothing connects until ``run()`` is running and a call needs a connection.
    public init(configuration: Configuration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
        var options = PostgresClient.Configuration.Options()
        options.maximumConnections = configuration.maximumConnections
        options.connectTimeout = configuration.requestTimeout
        if let schema = configuration.schema { options.additionalStartupParameters = [("search_path", schema)] }
        var client = PostgresClient.Configuration(
            host: configuration.host, port: configuration.port, username: configuration.username,
            password: configuration.password, database: configuration.database, tls: Self.tls(configuration))
        client.options = options
        self.client = PostgresClient(configuration: client, backgroundLogger: logger)
    }

    /// The TLS settings of an `sslmode`, with libpq's meanings: `prefer` and `require` encrypt without checking the
    /// certificate, `verify-ca` checks its signer, `verify-full` its signer and host name.
    static func tls(_ configuration: Configuration) -> PostgresClient.Configuration.TLS {
        var tls = TLSConfiguration.makeClientConfiguration()
        if let roots = configuration.sslRootCertificate { tls.trustRoots = .file(roots) }
        switch configuration.sslMode {
        case .disable: return .disable
        case .prefer:
            tls.certificateVerification = .none
            return .prefer(tls)
        case .require:
            tls.certificateVerification = .none
            return .require(tls)
        case .verifyCA:
            tls.certificateVerification = .noHostnameVerification
            return .require(tls)
        case .verifyFull:
            tls.certificateVerification = .fullVerification
            return .require(tls)
        }
    }

    /// Runs the connection pool until the task is cancelled (graceful shutdown).
    public func run() async throws {
        await client.run()
    }

    /// Applies pending migrations; safe when several replicas start at once.
    /// - Throws: `unavailable` when PostgreSQL cannot be reached.
    public func migrate() async throws {
        try await write { session in try await PostgresMigrator.migrate(session, schema: self.configuration.schema) }
    }

    private static let writeTimer = Timer(label: "cairn_store_duration_seconds", dimensions: [("operation", "write")])
    private static let readTimer = Timer(label: "cairn_store_duration_seconds", dimensions: [("operation", "read")])

    /// Runs `body` in one transaction, retried when PostgreSQL reports a serialization failure or deadlock.
    func write<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) async throws -> T) async throws -> T {
        try await timed(Self.writeTimer) {
            var attempt = 1
            while true {
                do {
                    return try await self.client.withTransaction(logger: self.logger) { connection in
                        try await body(PostgresSession(connection: connection, logger: self.logger))
                    }
                } catch let error as PostgresTransactionError {
                    let cause = PostgresErrors.cause(of: error)
                    guard let failure = cause as? PSQLError, PostgresErrors.isRetryable(failure), attempt < 5 else { throw cause }
                    attempt += 1
                }
            }
        }
    }

    /// Runs `body` in one read-only transaction, so its several queries see one snapshot.
    func read<T: Sendable>(_ body: @escaping @Sendable (PostgresSession) async throws -> T) async throws -> T {
        try await timed(Self.readTimer) {
            try await self.client.withConnection { connection in
                let session = PostgresSession(connection: connection, logger: self.logger)
                try await session.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
                do {
                    let result = try await body(session)
                    try await session.execute("COMMIT")
                    return result
                } catch {
                    try? await session.execute("ROLLBACK")
                    throw error
                }
            }
        }
    }

    private func timed<T: Sendable>(_ timer: Timer, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
        let start = ContinuousClock.now
        defer {
            let elapsed = ContinuousClock.now - start
            timer.recordNanoseconds(elapsed.nanoseconds)
        }
        do {
            return try await PostgresErrors.withDeadline(configuration.requestTimeout, body)
        } catch let error as CairnError {
            throw error
        } catch {
            throw PostgresErrors.translate(error, logger: logger)
        }
    }
}
