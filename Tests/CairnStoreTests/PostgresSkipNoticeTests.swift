import CairnTesting
import Testing

/// Makes a PostgreSQL-less run visible: with `CAIRN_SKIP_POSTGRES=1` this test is reported as skipped.
struct PostgresSkipNoticeTests {
    @Test(.disabled(if: StoreBackend.postgresSkipped, "CAIRN_SKIP_POSTGRES=1: the store contract ran against SQLite only"))
    func postgresContractRunsAreEnabled() throws {
        #expect(StoreBackend.allCases.contains(.postgres))
    }
}
