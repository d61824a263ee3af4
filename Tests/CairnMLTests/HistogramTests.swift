import Testing

@testable import CairnML

/// The histograms boosting sums per leaf, dense and sparse features alike, against sums taken row by row.
struct HistogramTests {
    /// 12,000 rows: a dense numeric feature, one that is 90% zeros, one mostly missing, and a categorical one
    /// that is mostly one category; gradients and hessians drawn from a seeded generator.
    private func data() -> (BinnedData, gradients: [Double], hessians: [Double]) {
        let n = 12_000
        var random = SeededGenerator(seed: 7)
        let dense = (0..<n).map { _ in Double.random(in: 0..<1, using: &random) }
        let zeros = (0..<n).map { i in i % 10 == 3 ? Double(i % 37) : 0 }
        let missing = (0..<n).map { i in i % 8 == 0 ? Double(i % 5) : .nan }
        let category = (0..<n).map { i in i % 6 == 0 ? Double(i % 7) : 2 }
        let features = FeatureMatrix(columns: [dense, zeros, missing, category], rowCount: n)
        let binned = BinnedData(features, categorical: [false, false, false, true], maxBin: 255)
        let gradients = (0..<n).map { _ in Double.random(in: -1..<1, using: &random) }
        let hessians = (0..<n).map { _ in Double.random(in: 0.01..<0.25, using: &random) }
        return (binned, gradients, hessians)
    }

    @Test(arguments: [1, 3, 997])
    func sumsEveryBinOfTheLeafRows(stride: Int) throws {
        // Given binned data with dense and sparse features and a leaf holding every `stride`-th row
        let (data, gradients, hessians) = data()
        #expect(data.isSparse == [false, true, true, true])
        let rows = Swift.stride(from: 0, to: data.rowCount, by: stride).map(Int32.init)
        // When its histogram is summed
        let histogram = Histogram(data: data, rows: rows[...], gradients: gradients, hessians: hessians, features: [0, 1, 2, 3])
        // Then every bin holds the sums of its rows, the default bins of sparse features included
        expectRowSums(histogram, data, rows, gradients, hessians, features: 0..<4)
    }

    @Test(arguments: [1, 3])
    func sumsDenseFeaturesInPairsAndAlone(stride: Int) throws {
        // Given three dense features (two summed together, one alone), one of long runs of equal bins, and a leaf
        // holding every `stride`-th row (every row: the root's path over the arrays in place)
        let n = 5_001
        var random = SeededGenerator(seed: 11)
        let columns = [
            (0..<n).map { _ in Double.random(in: 0..<1, using: &random) },
            (0..<n).map { Double($0 / 500) },
            (0..<n).map { _ in Double(Int.random(in: 0..<40, using: &random)) },
        ]
        let data = BinnedData(FeatureMatrix(columns: columns, rowCount: n), categorical: [false, false, false], maxBin: 255)
        #expect(data.isSparse == [false, false, false])
        let gradients = (0..<n).map { _ in Double.random(in: -1..<1, using: &random) }
        let hessians = (0..<n).map { _ in Double.random(in: 0.01..<0.25, using: &random) }
        let rows = Swift.stride(from: 0, to: n, by: stride).map(Int32.init)
        // When its histogram is summed
        let histogram = Histogram(data: data, rows: rows[...], gradients: gradients, hessians: hessians, features: [0, 1, 2])
        // Then every bin of every feature holds the sums of its rows
        expectRowSums(histogram, data, rows, gradients, hessians, features: 0..<3)
    }

    @Test func subtractingASubsetLeavesTheRest() throws {
        // Given a parent histogram and the histogram of its first third of rows
        let (data, gradients, hessians) = data()
        let rows = (0..<Int32(data.rowCount)).map { $0 }
        let cut = rows.count / 3
        var parent = Histogram(data: data, rows: rows[...], gradients: gradients, hessians: hessians, features: [0, 1, 2, 3])
        let first = Histogram(data: data, rows: rows[..<cut], gradients: gradients, hessians: hessians, features: [0, 1, 2, 3])
        let rest = Histogram(data: data, rows: rows[cut...], gradients: gradients, hessians: hessians, features: [0, 1, 2, 3])
        // When the subset is subtracted from the parent
        parent.subtract(first)
        // Then what is left is the histogram of the other rows
        #expect(zip(parent.values, rest.values).allSatisfy { abs($0 - $1) < 1e-9 })
    }

    /// Expects each bin of `features` in `histogram` to hold the sums of its `rows`, taken row by row.
    private func expectRowSums(
        _ histogram: Histogram, _ data: BinnedData, _ rows: [Int32], _ gradients: [Double], _ hessians: [Double],
        features: Range<Int>
    ) {
        for f in features {
            var expected = [GradientStats](repeating: GradientStats(), count: data.mappers[f].binCount)
            for row in rows.map(Int.init) {
                expected[Int(data.bins[f][row])] = expected[Int(data.bins[f][row])]
                    + GradientStats(gradient: gradients[row], hessian: hessians[row], count: 1)
            }
            for (bin, sums) in expected.enumerated() {
                let actual = histogram.stats(offset: data.offsets[f], bin: bin)
                #expect(actual.count == sums.count, "feature \(f) bin \(bin)")
                #expect(abs(actual.gradient - sums.gradient) < 1e-9, "feature \(f) bin \(bin)")
                #expect(abs(actual.hessian - sums.hessian) < 1e-9, "feature \(f) bin \(bin)")
            }
        }
    }
}
