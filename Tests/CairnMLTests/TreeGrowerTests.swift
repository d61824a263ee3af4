import Testing

@testable import CairnML

/// The tree a leaf-wise grower builds does not depend on how its work is shared between threads.
struct TreeGrowerTests {
    @Test(arguments: [0, 1, 3])
    func growsTheSameTreeWithOrWithoutATeam(helpers: Int) {
        // Given 20,000 rows of dense, sparse and categorical features and seeded gradients
        let n = 20_000
        var random = SeededGenerator(seed: 11)
        let dense = (0..<n).map { _ in Double.random(in: 0..<1, using: &random) }
        let zeros = (0..<n).map { i in i % 10 == 3 ? Double(i % 37) : 0 }
        let category = (0..<n).map { i in Double(i % 9) }
        let data = BinnedData(
            FeatureMatrix(columns: [dense, zeros, category], rowCount: n), categorical: [false, false, true], maxBin: 255)
        let gradients = (0..<n).map { i in dense[i] - 0.5 + (zeros[i] > 20 ? 1 : 0) + Double.random(in: -0.1..<0.1, using: &random) }
        let hessians = [Double](repeating: 1, count: n)
        var parameters = GradientBoostingParameters()
        parameters.numLeaves = 31
        parameters.minDataInLeaf = 5
        let rows = (0..<Int32(n)).map { $0 }
        let grow = { (workers: WorkerTeam?) in
            TreeGrower(data: data, parameters: parameters, workers: workers).grow(
                rows: rows, gradients: gradients, hessians: hessians, features: [0, 1, 2], shrinkage: 0.1)
        }
        // When it is grown alone and with a team
        let alone = grow(nil)
        let shared = WorkerTeam.with(helpers: helpers) { grow($0) }
        // Then the trees, and the rows of their leaves, are identical
        #expect(shared.tree.leafValue.count == 31)
        #expect(shared.tree.splitFeature == alone.tree.splitFeature)
        #expect(shared.tree.threshold == alone.tree.threshold)
        #expect(shared.tree.leafValue == alone.tree.leafValue)
        #expect(shared.order == alone.order)
        #expect(shared.leafRanges == alone.leafRanges)
    }
}
