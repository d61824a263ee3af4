import CairnML
import Foundation
import Testing

/// A LightGBM model converted to Cairn's format with `shap`'s values for some rows, written by
/// tools/fixtures/ml/make_treeshap_fixture.py.
private struct SHAPFixture: Decodable {
    let model: GradientBoostingModel
    let rows: [[Double]]
    let expectedValue: Double
    let shapValues: [[Double]]
    let rawScores: [Double]
}

struct TreeSHAPTests {
    /// The path-dependent value of a feature subset: follow the row where the feature is known, else average the
    /// children by training cover.
    private func conditionalValue(_ tree: DecisionTree, _ columns: [[Double]], _ row: Int, known: Set<Int>, node: Int = 0) -> Double {
        if node < 0 { return tree.leafValue[~node] }
        let f = tree.splitFeature[node]
        let (left, right) = (tree.leftChild[node], tree.rightChild[node])
        if known.contains(f) {
            let next = tree.goesLeft(node: node, value: columns[f][row]) ? left : right
            return conditionalValue(tree, columns, row, known: known, node: next)
        }
        let cover = { (c: Int) in c < 0 ? tree.leafCover[~c] : tree.nodeCover[c] }
        return (cover(left) * conditionalValue(tree, columns, row, known: known, node: left)
            + cover(right) * conditionalValue(tree, columns, row, known: known, node: right)) / tree.nodeCover[node]
    }

    /// Shapley values by enumerating every subset of features.
    private func bruteForce(_ trees: [DecisionTree], _ columns: [[Double]], _ row: Int) -> [Double] {
        let m = columns.count
        let factorial = { (n: Int) in (1...max(n, 1)).reduce(1.0) { $0 * Double($1) } }
        var phi = [Double](repeating: 0, count: m)
        for mask in 0..<(1 << m) {
            let subset = Set((0..<m).filter { mask & (1 << $0) != 0 })
            let value = trees.reduce(0) { $0 + conditionalValue($1, columns, row, known: subset) }
            for i in 0..<m {
                let weight = factorial(subset.count - (subset.contains(i) ? 1 : 0)) * factorial(m - subset.count - (subset.contains(i) ? 0 : 1)) / factorial(m)
                phi[i] += subset.contains(i) ? weight * value : -weight * value
            }
        }
        return phi
    }

    @Test func matchesBruteForceShapleyValuesWithMissingAndCategoricalFeatures() throws {
        // Given a small boosted model on adult's first six columns (two categorical, one with missing values)
        let (train, test) = try TestData.adult()
        let columns = ["c0", "c1", "c3", "c4", "c5", "c12", "c14"]
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 8
        parameters.numLeaves = 12
        let model = try Trainer.train(
            try Table(columns.map { try train.column(named: $0) }), target: "c14", algorithm: .gradientBoosting(parameters))
        guard case .gradientBoosting(let ensemble) = model.estimator else { Issue.record("not boosting"); return }
        let rows = test.selecting(rows: Array(0..<12))
        let matrix = try model.schema.matrix(rows)

        // When explained
        let explanation = try Explainer.contributions(model, rows)

        // Then each row's values equal the exact Shapley values of the path-dependent value function
        for row in 0..<rows.rowCount {
            let exact = bruteForce(ensemble.trees.map { $0[0] }, matrix.columns, row)
            for (a, b) in zip(explanation.values[0][row], exact) { #expect(abs(a - b) < 1e-9) }
        }
    }

    @Test func contributionsSumToRawScoresForEveryClass() throws {
        // Given a 7-class boosted model on the segment data
        let data = try CSVReader.read(path: TestData.dataset("segment.csv"))
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 20
        let model = try Trainer.train(data, target: "category", algorithm: .gradientBoosting(parameters))
        let rows = data.selecting(rows: Array(stride(from: 0, to: data.rowCount, by: 23)))

        // When explained, then base value plus contributions is each class's raw score
        let explanation = try Explainer.contributions(model, rows)
        let raw = try model.rawScores(rows)
        #expect(explanation.values.count == 7)
        for k in 0..<7 {
            for row in 0..<rows.rowCount {
                #expect(abs(explanation.baseValues[k] + explanation.values[k][row].reduce(0, +) - raw[k][row]) < 1e-9)
            }
        }
        #expect(explanation.meanAbsolute.count == 18)
    }

    @Test func matchesTheShapPackageOnALightGBMModel() throws {
        // Given a LightGBM model and rows with shap's path-dependent TreeSHAP values
        let fixture = try JSONDecoder().decode(SHAPFixture.self, from: TestData.fixture("treeshap.json"))
        let columns = (0..<30).map { f in Column("c\(f)", doubles: fixture.rows.map { $0[f] }) }
        let rows = try Table(columns)
        let model = TabularModel(
            schema: FeatureSchema(inferringFrom: rows), targetName: "y",
            target: TargetEncoding(task: .binary, classes: ["0", "1"]), estimator: .gradientBoosting(fixture.model))

        // When Cairn explains them
        let explanation = try Explainer.contributions(model, rows)

        // Then the raw scores, base value and every contribution agree within 1e-6
        for (a, b) in zip(try model.rawScores(rows)[0], fixture.rawScores) { #expect(abs(a - b) < 1e-6) }
        #expect(abs(explanation.baseValues[0] - fixture.expectedValue) < 1e-6)
        for (ours, theirs) in zip(explanation.values[0], fixture.shapValues) {
            for (a, b) in zip(ours, theirs) { #expect(abs(a - b) < 1e-6) }
        }
    }
}
