import CairnStore
import Testing

/// The pieces of SQL both adapters share: placeholders per dialect and multi-row inserts.
struct SQLShapeTests {
    @Test func postgresPlaceholdersAreNumberedOutsideLiterals() {
        let sql = "UPDATE t SET a = 'what?', b = ? WHERE c = ? AND d = '?'"
        #expect(SQLDialect.postgres.render(sql) == "UPDATE t SET a = 'what?', b = $1 WHERE c = $2 AND d = '?'")
        #expect(SQLDialect.sqlite.render(sql) == sql)
    }

    @Test func repeatingValuesKeepsWhatFollowsTheValues() {
        let sql = "INSERT INTO t (a, b) VALUES (?, ?) ON CONFLICT DO NOTHING"
        #expect(Statements.repeatingValues(sql, rows: 3) == "INSERT INTO t (a, b) VALUES (?, ?), (?, ?), (?, ?) ON CONFLICT DO NOTHING")
        #expect(Statements.repeatingValues(sql, rows: 1) == sql)
    }
}
