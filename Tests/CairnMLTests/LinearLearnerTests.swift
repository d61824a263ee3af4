import CairnCore
import CairnML
import Foundation
import Testing

/// Coefficients scikit-learn found, written by tools/fixtures/ml/make_linear_fixtures.py.
private struct LinearFixture: Decodable {
    struct Fit: Decodable {
        let coef: [[Double]]
        let intercept: [Double]
    }
    let breast_cancer_logistic_C1: Fit
    let housing_ridge_alpha1: Fit
    let segment_multinomial_C1: Fit

    static func load() throws -> LinearFixture {
        try JSONDecoder().decode(LinearFixture.self, from: TestData.fixture("linear.json"))
    }
}

struct LinearLearnerTests {
    private func linear(_ table: Table, _ target: String) throws -> LinearModel {
        let model = try Trainer.train(table, target: target, algorithm: .linear(LinearParameters()))
        guard case .linear(let linear) = model.estimator else { throw CairnError.invalid("not linear") }
        return linear
    }

    /// Every coefficient and intercept within 1e-4 of scikit-learn's (standardized-feature space).
    private func expectClose(_ model: LinearModel, _ fit: LinearFixture.Fit) {
        let tolerance = 1e-4
        #expect(model.weights.count == fit.coef.count)
        for (ours, theirs) in zip(model.weights, fit.coef) {
            #expect(ours.count == theirs.count)
            for (a, b) in zip(ours, theirs) { #expect(abs(a - b) <= tolerance, "\(a) vs \(b)") }
        }
        for (a, b) in zip(model.intercepts, fit.intercept) { #expect(abs(a - b) <= tolerance, "\(a) vs \(b)") }
    }

    @Test func logisticCoefficientsMatchScikitLearn() throws {
        let cancer = try CSVReader.read(path: TestData.dataset("breast_cancer.csv"), options: CSVOptions(hasHeader: false, skipLines: 1))
        expectClose(try linear(cancer, "c30"), try LinearFixture.load().breast_cancer_logistic_C1)
    }

    @Test func ridgeCoefficientsWithImputationAndOneHotMatchScikitLearn() throws {
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        expectClose(try linear(housing, "median_house_value"), try LinearFixture.load().housing_ridge_alpha1)
    }

    @Test func multinomialCoefficientsMatchScikitLearn() throws {
        let segment = try CSVReader.read(path: TestData.dataset("segment.csv"))
        expectClose(try linear(segment, "category"), try LinearFixture.load().segment_multinomial_C1)
    }

    @Test func linearContributionsSumToRawScores() throws {
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        let model = try Trainer.train(housing, target: "median_house_value", algorithm: .linear(LinearParameters()))
        let rows = housing.selecting(rows: Array(0..<50))
        let explanation = try Explainer.contributions(model, rows)
        let raw = try model.rawScores(rows)[0]
        for row in 0..<50 {
            #expect(abs(explanation.baseValues[0] + explanation.values[0][row].reduce(0, +) - raw[row]) < 1e-6)
        }
    }
}
