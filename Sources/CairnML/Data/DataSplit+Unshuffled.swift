import CairnCore

extension DataSplit {
    /// `k` folds of consecutive rows, the first `rowCount % k` one row larger: scikit-learn's
    /// `KFold(k, shuffle=False)`.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func contiguousKFold(rowCount: Int, k: Int) throws -> [Fold] {
        guard k >= 2, k <= rowCount else { throw CairnError.invalid("k-fold needs 2 ≤ k ≤ rows (\(rowCount)), got \(k)") }
        var start = 0
        return (0..<k).map { f in
            let size = rowCount / k + (f < rowCount % k ? 1 : 0)
            defer { start += size }
            return Fold(train: Array(0..<start) + Array((start + size)..<rowCount), test: Array(start..<(start + size)))
        }
    }

    /// `k` folds that each hold out about `1/k` of every class without shuffling: scikit-learn's
    /// `StratifiedKFold(k, shuffle=False)`, which gives each class's rows, in order, to folds 0, 1, … in blocks
    /// sized by dealing the class-sorted labels round-robin.
    /// - Throws: `invalid_argument` when `k` is below 2 or above the row count.
    public static func orderedStratifiedKFold<Label: Hashable>(labels: [Label], k: Int) throws -> [Fold] {
        guard k >= 2, k <= labels.count else { throw CairnError.invalid("k-fold needs 2 ≤ k ≤ rows (\(labels.count)), got \(k)") }
        var classOf: [Label: Int] = [:]
        let encoded = labels.map { label in
            if let c = classOf[label] { return c }
            classOf[label] = classOf.count
            return classOf.count - 1
        }
        let sorted = encoded.sorted()
        var allocation = [[Int]](repeating: [Int](repeating: 0, count: classOf.count), count: k)
        for (position, c) in sorted.enumerated() { allocation[position % k][c] += 1 }
        var assignment = [Int](repeating: 0, count: labels.count)
        for c in 0..<classOf.count {
            let folds = (0..<k).flatMap { f in Array(repeating: f, count: allocation[f][c]) }
            for (row, fold) in zip(encoded.indices.filter { encoded[$0] == c }, folds) { assignment[row] = fold }
        }
        return (0..<k).map { f in
            Fold(train: assignment.indices.filter { assignment[$0] != f }, test: assignment.indices.filter { assignment[$0] == f })
        }
    }
}
