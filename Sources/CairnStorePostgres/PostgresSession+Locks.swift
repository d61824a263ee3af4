/// Transaction-scoped advisory locks that serialize the few writes whose correctness needs a global order.
extension PostgresSession {
    /// A named lock; the raw value is the advisory lock key.
    enum Lock: Int64 {
        /// Creating or renaming experiments (names are unique, ids are `MAX + 1`).
        case experiments = 0x63_61_69_72_6E_01
        /// Creating or renaming registered models (names are unique).
        case registeredModels = 0x63_61_69_72_6E_02
    }

    /// Waits for the lock; it is released when the transaction ends.
    func lock(_ lock: Lock) async throws {
        try await execute("SELECT pg_advisory_xact_lock(?)", [.integer(lock.rawValue)])
    }
}
