import Testing

@testable import CairnML

/// Histograms summed into buffers a pool hands back hold the same sums as histograms in fresh buffers.
struct HistogramPoolTests {
    @Test func recycledBufferComesBackAsZeros() {
        // Given a pool holding a buffer full of non-zero values
        let pool = HistogramPool()
        pool.recycle([Double](repeating: 7, count: 12))
        // When a buffer of that size is taken
        let buffer = pool.take(12)
        // Then it holds only zeros
        #expect(buffer == [Double](repeating: 0, count: 12))
    }

    @Test func histogramInARecycledBufferEqualsAFreshOne() {
        // Given binned rows with dense and sparse features, and a pool holding the buffer of another leaf's histogram
        let n = 5_000
        let dense = (0..<n).map { Double($0 % 97) }
        let zeros = (0..<n).map { $0 % 10 == 3 ? Double($0 % 37) : 0 }
        let data = BinnedData(FeatureMatrix(columns: [dense, zeros], rowCount: n), categorical: [false, false], maxBin: 255)
        let gradients = (0..<n).map { Double($0 % 13) / 3 - 2 }
        let hessians = (0..<n).map { 1 + Double($0 % 5) / 4 }
        let pool = HistogramPool()
        let rows = (0..<Int32(n)).filter { $0 % 3 != 0 }
        pool.recycle(Histogram(data: data, rows: rows[...], gradients: gradients, hessians: hessians, features: [0, 1]))
        // When the histogram of other rows is summed in the pool's buffer
        let others = (0..<Int32(n)).filter { $0 % 3 == 0 }
        let pooled = Histogram(data: data, rows: others[...], gradients: gradients, hessians: hessians, features: [0, 1], pool: pool)
        // Then it is the histogram of those rows alone
        let fresh = Histogram(data: data, rows: others[...], gradients: gradients, hessians: hessians, features: [0, 1])
        #expect(pooled.values == fresh.values)
    }
}
