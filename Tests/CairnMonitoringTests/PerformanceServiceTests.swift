import CairnCore
import CairnMonitoring
import Testing

/// Performance from logged predictions joined with late labels, equal to scikit-learn's metrics.
struct PerformanceServiceTests {
    struct FixedClock: WallClock {
        let now: Int64
        func nowMillis() -> Int64 { now }
    }

    static let hour: Int64 = 3_600_000

    static func log(_ c: PerformanceFixture.Classification, labeled: Bool = true, numericLabels: Bool = false) -> [LabeledPrediction] {
        c.predicted.indices.map { i in
            let label = numericLabels ? c.labels[i] : "\"\(c.labels[i])\""
            return MemoryPredictionLog.classified(
                "r\(i)", time: 10 * hour + Int64(i) * 1000, predicted: c.predicted[i],
                probabilities: Dictionary(uniqueKeysWithValues: zip(c.classes, c.probabilities[i])), label: labeled ? label : nil)
        }
    }

    static func expectMetrics(_ actual: [String: Double], _ expected: [String: Double]) {
        #expect(Set(actual.keys) == Set(expected.keys))
        for (name, value) in expected {
            #expect(abs((actual[name] ?? .nan) - value) <= 1e-12, "\(name): \(actual[name] ?? .nan) vs scikit-learn \(value)")
        }
    }

    @Test func binaryClassifierMetricsEqualScikitLearn() async throws {
        let fixture = try PerformanceFixture.load()
        // Given 40 labeled predictions in one hour, labels posted as JSON numbers (0 and 1) as clients send them
        let service = PerformanceService(log: MemoryPredictionLog(records: Self.log(fixture.binary, numericLabels: true)))
        // When the performance of that hour is asked for
        let report = try await service.performance(deployment: "d", window: TimeWindow("1h"), start: 10 * Self.hour, end: 11 * Self.hour)
        // Then one window holds every row and scikit-learn's values
        #expect(report.task == .classification)
        let window = try #require(report.windows.first)
        #expect(report.windows.count == 1)
        #expect(window.predictions == 40 && window.labeled == 40 && window.start == 10 * Self.hour && window.end == 11 * Self.hour)
        Self.expectMetrics(window.metrics, fixture.binary.metrics)
    }

    @Test func multiclassMetricsAreMacroAveragesEqualToScikitLearn() async throws {
        let fixture = try PerformanceFixture.load()
        let service = PerformanceService(log: MemoryPredictionLog(records: Self.log(fixture.multiclass)))
        let report = try await service.performance(deployment: "d", window: TimeWindow("1h"), start: 10 * Self.hour, end: 11 * Self.hour)
        let window = try #require(report.windows.first)
        // Every metric as scikit-learn's macro average (AUC one-vs-rest)
        Self.expectMetrics(window.metrics, fixture.multiclass.metrics)
    }

    @Test func regressionErrorsEqualScikitLearnAndBatchLabelsAttachPerRow() async throws {
        let fixture = try PerformanceFixture.load().regression
        // Given the rows logged as five requests of five rows, each labeled with an array of five values
        let records = (0..<5).map { request in
            let rows = (request * 5)..<(request * 5 + 5)
            return LabeledPrediction(
                requestID: "r\(request)", model: "m", version: "3", inputs: #"{"x": [1, 2, 3, 4, 5]}"#,
                outputs: #"{"prediction": ["# + rows.map { "\(fixture.predicted[$0])" }.joined(separator: ", ") + "]}",
                time: 5 * Self.hour + Int64(request), label: "[" + rows.map { "\(fixture.labels[$0])" }.joined(separator: ", ") + "]")
        }
        let service = PerformanceService(log: MemoryPredictionLog(records: records))
        let report = try await service.performance(deployment: "d", window: TimeWindow("1d"), start: 0, end: 24 * Self.hour)
        #expect(report.task == .regression)
        let window = try #require(report.windows.first)
        #expect(window.predictions == 25 && window.labeled == 25)
        Self.expectMetrics(window.metrics, fixture.metrics)
    }

    @Test func windowsSplitByTimeAndVersionAndUnlabeledWindowsSaySo() async throws {
        // Given version 1 labeled in hour 10, and version 2 predicting in hour 11 with no label yet
        var records = [
            MemoryPredictionLog.classified("a", time: 10 * Self.hour + 5, predicted: "1", probabilities: ["0": 0.2, "1": 0.8], label: "1"),
            MemoryPredictionLog.classified("b", time: 10 * Self.hour + 6, predicted: "0", probabilities: ["0": 0.7, "1": 0.3], label: "1"),
        ]
        records.append(MemoryPredictionLog.classified("c", time: 11 * Self.hour, version: "2", predicted: "0", probabilities: ["0": 0.9, "1": 0.1], label: nil))
        let service = PerformanceService(log: MemoryPredictionLog(records: records), clock: FixedClock(now: 12 * Self.hour))
        // When the last day is asked for with the default range
        let report = try await service.performance(deployment: "d", window: TimeWindow("1h"))
        // Then each version has its window; the unlabeled one is skipped with the reason
        #expect(report.windows.map(\.version) == ["1", "2"])
        #expect(report.windows[0].metrics["accuracy"] == 0.5)
        #expect(report.windows[0].metrics["auc"] == nil, "one class among the labels: AUC is undefined")
        #expect(report.windows[1].skipReason == "no labels yet")
        #expect(report.windows[1].metrics.isEmpty)
        #expect(report.end == 12 * Self.hour && report.start == -12 * Self.hour)
    }

    @Test func badInputGivesClearAnswers() async throws {
        let service = PerformanceService(log: MemoryPredictionLog(records: []))
        // An empty range is a result with its reason
        let empty = try await service.performance(deployment: "d", window: TimeWindow("1h"), start: 0, end: Self.hour)
        #expect(empty.windows.isEmpty && empty.skipReason == "no predictions in the range")
        // Unknown deployments, reversed ranges, too many windows and bad windows are errors
        await #expect(throws: CairnError.notFound("Deployment 'x' does not exist")) {
            try await service.performance(deployment: "x", window: TimeWindow("1h"), start: 0, end: Self.hour)
        }
        await #expect(throws: CairnError.invalid("start must be before end")) {
            try await service.performance(deployment: "d", window: TimeWindow("1h"), start: Self.hour, end: Self.hour)
        }
        await #expect(throws: CairnError.self) { try await service.performance(deployment: "d", window: TimeWindow("1s"), start: 0, end: 100 * Self.hour) }
        for text in ["", "h", "0h", "-1h", "1w", "1.5h", "400d"] { #expect(throws: CairnError.self) { try TimeWindow(text) } }
        #expect(try TimeWindow("90m").description == "90m")
        #expect(try TimeWindow("60m").description == "1h")
        // A window with no predictions has no inputs to test for drift
        #expect(try await service.inputs(deployment: "d", start: 0, end: Self.hour).map(\.rowCount) == nil)
    }

    @Test func labelsThatDoNotFitTheRequestAreReportedNotScored() async throws {
        // Given a two-row request labeled with one value (ambiguous) and nothing else
        let record = LabeledPrediction(
            requestID: "r", model: "m", version: "1", inputs: #"{"x": [1, 2]}"#, outputs: #"{"prediction": [1.0, 2.0]}"#, time: 10, label: "3")
        let service = PerformanceService(log: MemoryPredictionLog(records: [record]))
        let report = try await service.performance(deployment: "d", window: TimeWindow("1h"), start: 0, end: Self.hour)
        let window = try #require(report.windows.first)
        #expect(window.labeled == 0 && window.predictions == 2)
        #expect(window.skipReason == "no labels yet (1 labels do not fit their request's rows)")
    }
}
