import CairnML
import Foundation

/// Locates the shared data sets and the committed fixtures from this file's path, following symbolic links.
enum TestData {
    /// This test directory with symbolic links resolved.
    private static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()

    /// The path of a shared data set: `../shared/datasets/NAME` beside the package root (or an ancestor of it).
    static func dataset(_ name: String) -> String { SharedDatasets.path(name, from: testsDirectory) }

    /// The contents of a committed fixture in `Tests/Fixtures/ml/`.
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: testsDirectory.deletingLastPathComponent().appendingPathComponent("Fixtures/ml/\(name)"))
    }

    /// Splits a table into every fifth row (test) and the rest (train), as the reference scripts do.
    static func everyFifthHeldOut(_ table: Table) -> (train: Table, test: Table) {
        let rows = Array(0..<table.rowCount)
        return (table.selecting(rows: rows.filter { $0 % 5 != 0 }), table.selecting(rows: rows.filter { $0 % 5 == 0 }))
    }

    /// scikit-learn's breast cancer data: 30 numeric features `c0`…`c29` and the class (0 malignant, 1 benign) in
    /// `c30`; its first line is a count line, not a header.
    static func breastCancer() throws -> Table {
        var options = CSVOptions(hasHeader: false)
        options.skipLines = 1
        return try CSVReader.read(path: dataset("breast_cancer.csv"), options: options)
    }

    /// The adult census data: training and test tables with the income label in `c14` as categories.
    static func adult() throws -> (train: Table, test: Table) {
        var options = CSVOptions(hasHeader: false, stripTrailingPeriod: true)
        options.naValues.insert("?")
        return (try CSVReader.read(path: dataset("adult_train.csv"), options: options),
                try CSVReader.read(path: dataset("adult_test.csv"), options: options))
    }
}
