import CairnCore
import CairnTracking

/// Small domain values for store tests.
enum Fixtures {
    static func run(id: String, experimentID: String, start: Int64 = 1, name: String = "r") -> Run {
        Run(
            info: RunInfo(
                runID: id, runName: name, experimentID: experimentID, userID: "u", status: .running, startTime: start,
                endTime: nil, artifactURI: "mlflow-artifacts:/\(experimentID)/\(id)/artifacts", lifecycleStage: .active),
            tags: [KeyValue(key: RunTags.runName, value: name)])
    }

    static func metric(_ key: String, _ value: Double, step: Int64 = 0, timestamp: Int64 = 1) -> Metric {
        Metric(key: key, value: value, timestamp: timestamp, step: step)
    }
}
