import CairnServer
import CairnServing
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// `/invocations` of an MLflow model directory holding a native booster answers what `mlflow models serve` answers:
/// the booster's `predict`, here the probability of class 1 as the library computed it (the committed references of
/// tools/fixtures/runtime/make_fixtures.py).
struct ScoringBoosterTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().resolvingSymlinksInPath()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/runtime")

    struct Expected: Decodable { var probabilities: [[Double]] }
    struct Answer: Decodable { var predictions: [Double] }

    @Test(arguments: [("lightgbm", "lgb_binary"), ("xgboost", "xgb_binary")])
    func aBoosterAnswersItsProbabilities(_ flavor: String, _ caseName: String) async throws {
        let lines = try String(contentsOf: Self.fixtures.appendingPathComponent("\(caseName).rows.csv"), encoding: .utf8)
            .split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let (header, rows) = (lines[0], Array(lines[1...].prefix(50)))
        let data = rows.map { "[" + $0.map { $0.isEmpty ? "null" : $0 }.joined(separator: ",") + "]" }.joined(separator: ",")
        let body = #"{"dataframe_split": {"columns": [\#(header.map { "\"\($0)\"" }.joined(separator: ","))], "data": [\#(data)]}}"#
        let expected = try JSONDecoder().decode(
            Expected.self, from: Data(contentsOf: Self.fixtures.appendingPathComponent("\(caseName).expected.json")))

        let endpoint = await ServingTestApp.load(Self.fixtures.appendingPathComponent("mlflow/\(flavor)").path, name: "booster")
        try await ServingTestApp.run(endpoint: endpoint) { client in
            let response = try await client.send("/invocations", body)
            #expect(response.status == .ok, "\(String(buffer: response.body))")
            let answer = try JSONDecoder().decode(Answer.self, from: Data(buffer: response.body))
            #expect(answer.predictions == expected.probabilities.prefix(rows.count).map { $0[1] })
        }
    }
}
