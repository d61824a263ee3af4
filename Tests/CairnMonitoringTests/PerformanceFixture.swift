import CairnMonitoring
import Foundation

/// The JSON written by `tools/fixtures/monitoring/make_performance_fixtures.py`.
struct PerformanceFixture: Decodable {
    struct Classification: Decodable {
        let classes: [String]
        let predicted: [String]
        let probabilities: [[Double]]
        let labels: [String]
        let metrics: [String: Double]
    }

    struct Regression: Decodable {
        let predicted: [Double]
        let labels: [Double]
        let metrics: [String: Double]
    }

    let binary: Classification
    let multiclass: Classification
    let regression: Regression

    static func load() throws -> PerformanceFixture {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/monitoring/performance_reference.json")
        return try JSONDecoder().decode(PerformanceFixture.self, from: Data(contentsOf: url))
    }
}

/// A prediction log held in memory, for the monitoring service's own tests (the store's adapters are proven by
/// the contract suites in CairnStoreTests).
struct MemoryPredictionLog: PredictionLogReader {
    var records: [LabeledPrediction]
    var deployments: Set<String> = ["d"]

    func labeledPredictions(deployment: String, start: Int64, end: Int64, limit: Int) async throws -> [LabeledPrediction] {
        Array(records.filter { $0.time >= start && $0.time < end }.sorted { ($0.time, $0.requestID) < ($1.time, $1.requestID) }.prefix(limit))
    }

    func deploymentExists(_ name: String) async throws -> Bool { deployments.contains(name) }

    /// One logged one-row request of a classifier.
    static func classified(
        _ id: String, time: Int64, version: String = "1", predicted: String, probabilities: [String: Double], label: String?
    ) -> LabeledPrediction {
        let outputs = ["\"label\": [\"\(predicted)\"]"] + probabilities.sorted { $0.key < $1.key }.map { "\"probability(\($0.key))\": [\($0.value)]" }
        return LabeledPrediction(
            requestID: id, model: "m", version: version, inputs: #"{"x": [1.0]}"#, outputs: "{" + outputs.joined(separator: ", ") + "}",
            time: time, label: label)
    }
}
