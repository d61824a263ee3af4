import CairnCore
import CairnMonitoring
import CairnTesting
import Testing

@testable import CairnStorePostgres

/// A write that refers to a row another transaction is deleting: the statement's own existence check passes, the
/// foreign key check then waits for the delete and fails. The caller must hear "not found", not "conflict".
struct PostgresDeletedParentTests {
    @Test(.enabled(if: !StoreBackend.postgresSkipped))
    func aRunAppendedWhileItsMonitorIsDeletedIsNotFound() async throws {
        let store = try await TestStores.postgresStore()
        try await store.createMonitor(try MonitoringStoreContractTests.monitor("m"))
        let append = try await store.write { session in
            try await session.execute("DELETE FROM monitors WHERE name = 'm'")
            // The append starts while the delete is uncommitted: it sees the monitor, then its foreign key check
            // waits for this transaction, which commits the delete after a while.
            let append = Task { try await store.appendRun(MonitoringStoreContractTests.run("r1", time: 10)) }
            try await Task.sleep(for: .milliseconds(300))
            return append
        }
        await #expect(throws: CairnError.notFound("Monitor 'm' does not exist")) { try await append.value }
        #expect(try await store.monitor(named: "m") == nil)
    }
}
