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

/// L1 and elastic-net coefficients scikit-learn found, written by tools/fixtures/ml/make_sparse_linear_fixtures.py.
private struct SparseLinearFixture: Decodable {
    let housing_lasso_alpha500: LinearFixture.Fit
    let housing_elasticnet_alpha2_l1ratio07: LinearFixture.Fit
    let breast_cancer_logistic_l1_C01: LinearFixture.Fit
    let breast_cancer_logistic_elasticnet_C05_l1ratio05: LinearFixture.Fit
    let segment_multinomial_l1_C002: LinearFixture.Fit

    static func load() throws -> SparseLinearFixture {
        try JSONDecoder().decode(SparseLinearFixture.self, from: TestData.fixture("linear_sparse.json"))
    }
}

struct LinearLearnerTests {
    private static func parameters(_ penalty: LinearParameters.Penalty, alpha: Double = 1, c: Double = 1, l1Ratio: Double = 0.5)
        -> LinearParameters
    {
        var parameters = LinearParameters()
        parameters.penalty = penalty
        parameters.alpha = alpha
        parameters.c = c
        parameters.l1Ratio = l1Ratio
        return parameters
    }

    private func linear(_ table: Table, _ target: String, _ parameters: LinearParameters = LinearParameters()) throws -> LinearModel {
        let model = try Trainer.train(table, target: target, algorithm: .linear(parameters))
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

    @Test func lassoAndElasticNetCoefficientsMatchScikitLearn() throws {
        let housing = try CSVReader.read(path: TestData.dataset("california_housing.csv"))
        let fixture = try SparseLinearFixture.load()
        let lasso = try linear(housing, "median_house_value", Self.parameters(.l1, alpha: 500))
        expectClose(lasso, fixture.housing_lasso_alpha500)
        #expect(lasso.weights[0].contains(0), "the lasso zeroes some coefficients")
        expectClose(
            try linear(housing, "median_house_value", Self.parameters(.elasticnet, alpha: 2, l1Ratio: 0.7)),
            fixture.housing_elasticnet_alpha2_l1ratio07)
    }

    @Test func l1AndElasticNetLogisticCoefficientsMatchScikitLearn() throws {
        let cancer = try CSVReader.read(path: TestData.dataset("breast_cancer.csv"), options: CSVOptions(hasHeader: false, skipLines: 1))
        let fixture = try SparseLinearFixture.load()
        let l1 = try linear(cancer, "c30", Self.parameters(.l1, c: 0.1))
        expectClose(l1, fixture.breast_cancer_logistic_l1_C01)
        #expect(l1.weights[0].filter { $0 == 0 }.count == fixture.breast_cancer_logistic_l1_C01.coef[0].filter { $0 == 0 }.count)
        expectClose(
            try linear(cancer, "c30", Self.parameters(.elasticnet, c: 0.5, l1Ratio: 0.5)),
            fixture.breast_cancer_logistic_elasticnet_C05_l1ratio05)
    }

    @Test func multinomialL1CoefficientsMatchScikitLearn() throws {
        let segment = try CSVReader.read(path: TestData.dataset("segment.csv"))
        expectClose(try linear(segment, "category", Self.parameters(.l1, c: 0.02)), try SparseLinearFixture.load().segment_multinomial_l1_C002)
    }

    @Test func badPenaltyParametersAreRejected() throws {
        let segment = try CSVReader.read(path: TestData.dataset("segment.csv"))
        for parameters in [Self.parameters(.l1, c: 0), Self.parameters(.elasticnet, l1Ratio: 1.5), Self.parameters(.l1, alpha: -1)] {
            #expect(throws: CairnError.self) { try Trainer.train(segment, target: "category", algorithm: .linear(parameters)) }
        }
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
