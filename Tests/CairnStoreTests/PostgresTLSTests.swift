import CairnCore
import CairnTesting
import Foundation
import Logging
import Testing

@testable import CairnStorePostgres

/// `sslmode` against the test server, which takes TLS with a self-signed certificate for 127.0.0.1
/// (scripts/lib/postgres.sh).
@Suite(.enabled(if: !StoreBackend.postgresSkipped))
struct PostgresTLSTests {
    /// Whether the store's connection is encrypted, as the server sees it.
    static func encrypted(_ store: PostgresStore) async throws -> Bool {
        try await store.read { session in
            try await session.integer("SELECT CASE WHEN ssl THEN 1 ELSE 0 END FROM pg_stat_ssl WHERE pid = pg_backend_pid()")
        } == 1
    }

    static func authority() throws -> String {
        try #require(ProcessInfo.processInfo.environment["CAIRN_TEST_POSTGRES_CA"], "scripts/test exports CAIRN_TEST_POSTGRES_CA")
    }

    @Test func preferIsTheDefaultAndEncrypts() async throws {
        #expect(try await Self.encrypted(try await TestStores.postgresStore()))
    }

    @Test func disableConnectsInTheClear() async throws {
        #expect(try await !Self.encrypted(try await TestStores.postgresStore(options: "sslmode=disable")))
    }

    @Test func verifyFullAcceptsACertificateSignedByTheGivenAuthority() async throws {
        let store = try await TestStores.postgresStore(options: "sslmode=verify-full&sslrootcert=\(try Self.authority())")
        #expect(try await Self.encrypted(store))
    }

    @Test func verifyFullRefusesAnUntrustedCertificate() async throws {
        // the system's trust store does not hold the test server's self-signed certificate
        var configuration = try PostgresStore.Configuration(url: try TestStores.postgresURL() + "?sslmode=verify-full")
        configuration.requestTimeout = .seconds(3)
        let store = PostgresStore(configuration: configuration, logger: Logger(label: "cairn.test.tls"))
        let pool = Task { try await store.run() }
        defer { pool.cancel() }
        await #expect(throws: CairnError.self) { try await store.migrate() }
    }

    @Test func aMissingRootCertificateFileIsRejectedWhenTheURLIsRead() {
        #expect(throws: CairnError.invalid("sslrootcert '/nonexistent/ca.crt' is not a readable file")) {
            try PostgresStore.Configuration(url: "postgres://a@h/db?sslmode=verify-full&sslrootcert=/nonexistent/ca.crt")
        }
    }
}
