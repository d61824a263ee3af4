import CairnCore
import CairnML
import Foundation
import Testing

/// Metric inputs and scikit-learn's outputs, written by tools/fixtures/ml/make_metric_fixtures.py.
private struct MetricFixture: Decodable {
    struct Binary: Decodable {
        let labels: [Int], scores: [Double], predictions: [Int]
        let roc_auc, average_precision, log_loss, accuracy, balanced_accuracy, precision, recall, f1: Double
        let confusion_matrix: [[Int]]
    }
    struct Multiclass: Decodable {
        let labels: [Int], probabilities: [[Double]], predictions: [Int], class_count: Int
        let log_loss, accuracy, balanced_accuracy: Double
        let precision_macro, recall_macro, f1_macro, precision_weighted, recall_weighted, f1_weighted: Double
        let confusion_matrix: [[Int]]
    }
    struct Regression: Decodable {
        let targets, predictions: [Double]
        let rmse, mae, r2, mape, mape_with_zero: Double
    }
    let binary: [Binary]
    let multiclass: [Multiclass]
    let regression: [Regression]

    static func load() throws -> MetricFixture {
        try JSONDecoder().decode(MetricFixture.self, from: TestData.fixture("metrics.json"))
    }
}

/// Equal within 1e-12, relative to the magnitude when it exceeds 1.
private func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-12 * max(1, abs(b)) }

struct MetricsTests {
    @Test func binaryMetricsMatchScikitLearn() throws {
        for c in try MetricFixture.load().binary {
            #expect(close(try RankingMetrics.rocAUC(labels: c.labels, scores: c.scores), c.roc_auc))
            #expect(close(try RankingMetrics.averagePrecision(labels: c.labels, scores: c.scores), c.average_precision))
            #expect(close(try ClassificationMetrics.logLoss(labels: c.labels, positiveProbabilities: c.scores), c.log_loss))
            #expect(close(try ClassificationMetrics.accuracy(labels: c.labels, predictions: c.predictions), c.accuracy))
            #expect(close(try ClassificationMetrics.balancedAccuracy(labels: c.labels, predictions: c.predictions), c.balanced_accuracy))
            #expect(close(try ClassificationMetrics.precision(labels: c.labels, predictions: c.predictions), c.precision))
            #expect(close(try ClassificationMetrics.recall(labels: c.labels, predictions: c.predictions), c.recall))
            #expect(close(try ClassificationMetrics.f1(labels: c.labels, predictions: c.predictions), c.f1))
            #expect(try ClassificationMetrics.confusionMatrix(labels: c.labels, predictions: c.predictions, classCount: 2) == c.confusion_matrix)
        }
    }

    @Test func multiclassMetricsMatchScikitLearn() throws {
        for c in try MetricFixture.load().multiclass {
            let (y, p) = (c.labels, c.predictions)
            #expect(close(try ClassificationMetrics.logLoss(labels: y, probabilities: c.probabilities), c.log_loss))
            #expect(close(try ClassificationMetrics.accuracy(labels: y, predictions: p), c.accuracy))
            #expect(close(try ClassificationMetrics.balancedAccuracy(labels: y, predictions: p), c.balanced_accuracy))
            #expect(close(try ClassificationMetrics.precision(labels: y, predictions: p, average: .macro), c.precision_macro))
            #expect(close(try ClassificationMetrics.recall(labels: y, predictions: p, average: .macro), c.recall_macro))
            #expect(close(try ClassificationMetrics.f1(labels: y, predictions: p, average: .macro), c.f1_macro))
            #expect(close(try ClassificationMetrics.precision(labels: y, predictions: p, average: .weighted), c.precision_weighted))
            #expect(close(try ClassificationMetrics.recall(labels: y, predictions: p, average: .weighted), c.recall_weighted))
            #expect(close(try ClassificationMetrics.f1(labels: y, predictions: p, average: .weighted), c.f1_weighted))
            #expect(try ClassificationMetrics.confusionMatrix(labels: y, predictions: p, classCount: c.class_count) == c.confusion_matrix)
        }
    }

    @Test func regressionMetricsMatchScikitLearn() throws {
        for c in try MetricFixture.load().regression {
            let (y, p) = (c.targets, c.predictions)
            #expect(close(try RegressionMetrics.rmse(targets: y, predictions: p), c.rmse))
            #expect(close(try RegressionMetrics.mae(targets: y, predictions: p), c.mae))
            #expect(close(try RegressionMetrics.r2(targets: y, predictions: p), c.r2))
            #expect(close(try RegressionMetrics.mape(targets: Array(y.dropFirst()), predictions: Array(p.dropFirst())), c.mape))
            #expect(close(try RegressionMetrics.mape(targets: y, predictions: p), c.mape_with_zero))
        }
    }

    @Test func rankingMetricsRejectASingleClassAndNaN() {
        #expect(throws: CairnError.self) { try RankingMetrics.rocAUC(labels: [1, 1], scores: [0.2, 0.3]) }
        #expect(throws: CairnError.self) { try RankingMetrics.averagePrecision(labels: [0, 1], scores: [.nan, 0.3]) }
        #expect(throws: CairnError.self) { try RegressionMetrics.rmse(targets: [1], predictions: [1, 2]) }
        #expect(throws: CairnError.self) { try RegressionMetrics.mae(targets: [], predictions: []) }
    }

    @Test func r2OfAConstantTargetIsFinite() throws {
        #expect(try RegressionMetrics.r2(targets: [2, 2], predictions: [2, 2]) == 1)
        #expect(try RegressionMetrics.r2(targets: [2, 2], predictions: [1, 2]) == 0)
    }
}
