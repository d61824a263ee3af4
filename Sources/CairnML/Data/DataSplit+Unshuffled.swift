import CairnCore

extension DataSplit {
    /// `k` folds of consecutive rows, the first `rowCount % k` one row larger: scikit-learn's
    /// `KFold(k, shuffle=False)`.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func contiguousKFold(rowCount: Int, k: Int) throws -> [Fold] {
        try checkFoldCount(k, rowCount: rowCount)
        var start = 0
        return (0..<k).map { f in
            let size = rowCount / k + (f < rowCount % k ? 1 : 0)
            defer { start += size }
            return fold(rowCount, test: Array(start..<(start + size)))
        }
    }

    /// `k` folds that each hold out about `1/k` of every class without shuffling: scikit-learn's
    /// `StratifiedKFold(k, shuffle=False)`, which gives each class's rows, in order, to folds 0, 1, … in blocks
    /// sized by dealing the class-sorted labels round-robin.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func orderedStratifiedKFold<Label: Hashable>(labels: [Label], k: Int) throws -> [Fold] {
        try checkFoldCount(k, rowCount: labels.count)
        let classes = groups(labels)
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: classes.count), count: k)
        var position = 0
        for (c, rows) in classes.enumerated() {
            for _ in rows {
                allocation[position % k][c] += 1
                position += 1
            }
        }
        var assignment = [Int](repeating: 0, count: labels.count)
        for (c, rows) in classes.enumerated() {
            let order = (0..<k).flatMap { f in Array(repeating: f, count: allocation[f][c]) }
            for (row, fold) in zip(rows, order) { assignment[row] = fold }
        }
        return folds(assignment: assignment, k: k)
    }
}
