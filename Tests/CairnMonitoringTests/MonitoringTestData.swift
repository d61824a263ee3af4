import CairnML
import Foundation

/// Finds the shared data sets and the committed monitoring fixtures, and cuts the scenarios' rows.
enum MonitoringTestData {
    private static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()

    /// The path of a shared data set: `shared/datasets/NAME` beside an ancestor of this directory.
    static func dataset(_ name: String) -> String { SharedDatasets.path(name, from: testsDirectory) }

    /// The reference results made by `tools/fixtures/monitoring/make_fixtures.py`.
    static func fixture() throws -> DriftFixture {
        let url = testsDirectory.deletingLastPathComponent().appendingPathComponent("Fixtures/monitoring/drift_reference.json")
        return try JSONDecoder().decode(DriftFixture.self, from: Data(contentsOf: url))
    }

    nonisolated(unsafe) private static var cache: [String: Table] = [:]
    private static let lock = NSLock()

    /// A data set as `pandas.read_csv` reads it in the fixture script (adult: no header, `?` missing).
    static func table(_ name: String) throws -> Table {
        lock.lock()
        defer { lock.unlock() }
        if let table = cache[name] { return table }
        let table: Table
        switch name {
        case "elec2":
            table = try CSVReader.read(path: dataset("elec2_electricity.csv"))
        default:
            var options = CSVOptions(hasHeader: false)
            options.naValues.insert("?")
            table = try CSVReader.read(path: dataset(name == "adult_train" ? "adult_train.csv" : "adult_test.csv"), options: options)
        }
        cache[name] = table
        return table
    }

    /// The rows a fixture selection names.
    static func select(_ selection: DriftFixture.Selection) throws -> Table {
        let table = try table(selection.dataset)
        var rows = Array(0..<table.rowCount)
        if let column = selection.column, let value = selection.equals {
            let strings = try table.column(named: column).strings()
            rows = rows.filter { strings[$0] == value }
        }
        let end = min(selection.end, rows.count)
        let picked = stride(from: selection.start, to: end, by: selection.step ?? 1).map { rows[$0] }
        return table.selecting(rows: picked)
    }
}
