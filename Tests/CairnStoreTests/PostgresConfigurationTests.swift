import CairnCore
import CairnStorePostgres
import Testing

/// `--store postgres://…`: what a URL may say, and the errors for what it may not.
struct PostgresConfigurationTests {
    @Test func urlGivesEveryPartAndOption() throws {
        let configuration = try PostgresStore.Configuration(
            url: "postgresql://ana:p%40ss@db.internal:6543/ml%2Dmeta?max_connections=7&timeout=2.5&schema=team_a&sslmode=verify-ca")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "ana")
        #expect(configuration.password == "p@ss")
        #expect(configuration.database == "ml-meta")
        #expect(configuration.maximumConnections == 7)
        #expect(configuration.requestTimeout == .milliseconds(2500))
        #expect(configuration.schema == "team_a")
        #expect(configuration.sslMode == .verifyCA)
    }

    @Test func defaultsApplyWhenTheURLIsShort() throws {
        let configuration = try PostgresStore.Configuration(url: "postgres://ana@localhost/cairn")
        #expect(configuration.port == 5432)
        #expect(configuration.password == nil)
        #expect(configuration.maximumConnections == 20)
        #expect(configuration.requestTimeout == .seconds(10))
        #expect(configuration.schema == nil)
        #expect(configuration.sslMode == .prefer)
        #expect(configuration.sslRootCertificate == nil)
    }

    @Test(arguments: [
        ("mysql://a@h/db", "starts with postgres://"), ("postgres://a@h", "names no database"), ("postgres://h/db", "names no user"),
        ("postgres://a@h/db?max_connections=0", "max_connections"), ("postgres://a@h/db?timeout=soon", "timeout"),
        ("postgres://a@h/db?schema=Drop;", "schema"), ("postgres://a@h/db?sslmode=maybe", "sslmode must be one of disable, prefer"),
        ("postgres://a@h/db?sslcert=x", "Unknown PostgreSQL URL option 'sslcert'"),
    ])
    func badURLsAreRejectedWithTheReason(url: String, reason: String) {
        #expect {
            _ = try PostgresStore.Configuration(url: url)
        } throws: { error in
            guard let error = error as? CairnError else { return false }
            return error.code == .invalidArgument && error.message.contains(reason)
        }
    }

    @Test func passwordsNeverAppearInRedactedURLs() {
        #expect(PostgresStore.Configuration.redacted("postgres://ana:s3cret@h:5432/db") == "postgres://ana:***@h:5432/db")
        #expect(PostgresStore.Configuration.redacted("postgres://ana@h/db") == "postgres://ana@h/db")
    }
}
