import CairnML
import Foundation
import Testing

@testable import CairnRuntime

struct FlatForestTests {
    /// Every tree fixture, whatever its format.
    static let treeCases = (RuntimeFixtures.cases("onnx") + RuntimeFixtures.cases("xgboost") + RuntimeFixtures.cases("lightgbm")).filter(\.exact)

    @Test(arguments: treeCases)
    func scoresARowAloneExactlyAsInABatch(_ fixture: RuntimeFixtures.Case) throws {
        // Given a tree model and its fixture rows, scored as one batch (the branch-free block walk)
        let predictor = try ModelLoader.load(at: URL(fileURLWithPath: RuntimeFixtures.path(fixture.model)))
        let rows = try RuntimeFixtures.rows(fixture)
        let batch = try predictor.predict(rows)
        // When each of the first rows is scored alone (the single-row walk) and in a block of five
        for start in stride(from: 0, to: min(rows.rowCount, 60), by: 5) {
            let alone = try predictor.predict(rows.selecting(rows: [start]))
            let block = try predictor.predict(rows.selecting(rows: Array(start..<min(start + 5, rows.rowCount))))
            // Then every output column is bit-identical to the batch's rows
            for column in batch.columns {
                let expected = column.doubles()
                #expect(try alone.column(named: column.name).doubles().elementsEqualBitwise(expected[start...start]), "\(fixture) row \(start)")
                #expect(try block.column(named: column.name).doubles().elementsEqualBitwise(expected[start..<min(start + 5, rows.rowCount)]))
            }
        }
    }

    @Test func stopsAtLeavesOfUnevenDepthAndRoutesNaNByDefault() throws {
        // Given one tree: x0 <= 1 goes left to a leaf (10); right splits x1 < 5 (NaN goes right) into leaves 20 and 30
        typealias Node = FlatForest<Float>.Node
        let nodes: [Node] = [
            .split(.lessOrEqual, feature: 0, threshold: 1, nanGoesLeft: true, left: 1, right: 2),
            .leaf(10, at: 1),
            .split(.less, feature: 1, threshold: 5, nanGoesLeft: false, left: 3, right: 4),
            .leaf(20, at: 3),
            .leaf(30, at: 4),
        ]
        let forest = try FlatForest(nodes: nodes, roots: [0])
        #expect(forest.depths == [2])
        // When rows reach each leaf, in a block big enough for the branch-free walk and alone
        let rows: [Float] = [0, 9, 1, 9, 2, 4, 2, 5, 2, .nan, .nan, 9, 7, 4, 3, 6]
        let expected: [Float] = [10, 10, 20, 30, 30, 10, 20, 30]
        var values = [Float](repeating: -1, count: 8)
        rows.withUnsafeBufferPointer { rows in
            forest.forEachLeaf(rows, rowCount: 8, width: 2) { _, row, _, value in values[row] = value }
        }
        // Then each row gets its leaf's value either way
        #expect(values == expected)
        for row in 0..<8 {
            var alone: Float = -1
            Array(rows[row * 2..<row * 2 + 2]).withUnsafeBufferPointer { forest.forEachLeaf($0, rowCount: 1, width: 2) { _, _, _, value in alone = value } }
            #expect(alone == expected[row])
        }
    }
}

extension Array where Element == Double {
    /// Whether the values equal `other`'s bit for bit (`NaN` equals `NaN`).
    func elementsEqualBitwise(_ other: ArraySlice<Double>) -> Bool {
        count == other.count && zip(self, other).allSatisfy { $0.bitPattern == $1.bitPattern }
    }
}
