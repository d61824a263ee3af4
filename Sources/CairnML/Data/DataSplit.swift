import CairnCore

/// Row-index splits of a table for validation: random, stratified, k-fold and time-ordered. Apply one with
/// ``Table/selecting(rows:)``.
public enum DataSplit {
    /// The row indices of a training part and a held-out part.
    public struct Fold: Sendable, Equatable {
        /// Rows to train on, in increasing order.
        public let train: [Int]
        /// Rows to hold out, in increasing order.
        public let test: [Int]
    }

    /// A random split holding out `testFraction` of the rows (at least one row on each side).
    /// - Throws: `invalid_argument` for fewer than two rows or a fraction outside (0, 1).
    public static func random(rowCount: Int, testFraction: Double, seed: UInt64 = 0) throws -> Fold {
        try checkFraction(testFraction, rowCount: rowCount)
        var generator = SeededGenerator(seed: seed)
        let test = generator.sample(testSize(rowCount, testFraction), of: rowCount)
        return fold(rowCount, test: test)
    }

    /// A random split that holds out `testFraction` of each class's rows, so both parts keep the class mix.
    /// - Parameter labels: the class of each row (any `Hashable` value, such as a class index or name).
    /// - Throws: `invalid_argument` for fewer than two rows or a fraction outside (0, 1).
    public static func stratified<Label: Hashable>(labels: [Label], testFraction: Double, seed: UInt64 = 0) throws -> Fold {
        try checkFraction(testFraction, rowCount: labels.count)
        var generator = SeededGenerator(seed: seed)
        var test: [Int] = []
        for rows in groups(labels) {
            let size = Int((Double(rows.count) * testFraction).rounded())
            test += generator.sample(min(size, rows.count - 1), of: rows.count).map { rows[$0] }
        }
        return fold(labels.count, test: test.sorted())
    }

    /// `k` folds over shuffled rows; each row is held out by exactly one fold.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func kFold(rowCount: Int, k: Int, seed: UInt64 = 0) throws -> [Fold] {
        try checkFoldCount(k, rowCount: rowCount)
        var generator = SeededGenerator(seed: seed)
        let shuffled = Array(0..<rowCount).shuffled(using: &generator)
        return (0..<k).map { f in fold(rowCount, test: shuffled.indices.filter { $0 % k == f }.map { shuffled[$0] }.sorted()) }
    }

    /// `k` folds that each hold out about `1/k` of every class, dealing each class's shuffled rows round-robin.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func stratifiedKFold<Label: Hashable>(labels: [Label], k: Int, seed: UInt64 = 0) throws -> [Fold] {
        try checkFoldCount(k, rowCount: labels.count)
        var generator = SeededGenerator(seed: seed)
        var assignment = [Int](repeating: 0, count: labels.count)
        var next = 0
        for rows in groups(labels) {
            for row in rows.shuffled(using: &generator) {
                assignment[row] = next % k
                next += 1
            }
        }
        return folds(assignment: assignment, k: k)
    }

    /// The last `testFraction` of the rows held out, for data in time order (no shuffling, no look-ahead).
    /// - Throws: `invalid_argument` for fewer than two rows or a fraction outside (0, 1).
    public static func timeOrdered(rowCount: Int, testFraction: Double) throws -> Fold {
        try checkFraction(testFraction, rowCount: rowCount)
        return fold(rowCount, test: Array((rowCount - testSize(rowCount, testFraction))..<rowCount))
    }

    private static func checkFraction(_ fraction: Double, rowCount: Int) throws {
        guard rowCount >= 2 else { throw CairnError.invalid("a split needs at least two rows") }
        guard fraction > 0, fraction < 1 else { throw CairnError.invalid("the test fraction must be in (0, 1)") }
    }

    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    static func checkFoldCount(_ k: Int, rowCount: Int) throws {
        guard k >= 2, k <= rowCount else { throw CairnError.invalid("k-fold needs 2 ≤ k ≤ rows (\(rowCount)), got \(k)") }
    }

    private static func testSize(_ rowCount: Int, _ fraction: Double) -> Int {
        min(max(1, Int((Double(rowCount) * fraction).rounded())), rowCount - 1)
    }

    /// The rows of each label, the labels in order of first appearance.
    static func groups<Label: Hashable>(_ labels: [Label]) -> [[Int]] {
        var byLabel: [Label: [Int]] = [:]
        var order: [Label] = []
        for (row, label) in labels.enumerated() {
            if byLabel[label] == nil { order.append(label) }
            byLabel[label, default: []].append(row)
        }
        return order.map { byLabel[$0]! }
    }

    /// The fold holding out `test` (increasing row indices) of `rowCount` rows.
    static func fold(_ rowCount: Int, test: [Int]) -> Fold {
        let held = Set(test)
        return Fold(train: (0..<rowCount).filter { !held.contains($0) }, test: test)
    }

    /// `k` folds, fold `f` holding out the rows whose `assignment` is `f`.
    static func folds(assignment: [Int], k: Int) -> [Fold] {
        (0..<k).map { f in
            Fold(train: assignment.indices.filter { assignment[$0] != f }, test: assignment.indices.filter { assignment[$0] == f })
        }
    }
}
