import CairnCore

/// Reads the prediction log and records ground truth for it.
public struct PredictionLogService: Sendable {
    let sink: any PredictionSink
    let clock: any WallClock

    public init(sink: any PredictionSink, clock: any WallClock = SystemClock()) {
        self.sink = sink
        self.clock = clock
    }

    /// The newest logged predictions of a deployment.
    /// - Throws: `invalidArgument` for a limit outside 1–10000.
    public func recent(deployment: String, limit: Int) async throws -> [PredictionRecord] {
        guard (1...10_000).contains(limit) else { throw CairnError.invalid("limit must be from 1 to 10000") }
        return try await sink.predictions(deployment: deployment, limit: limit)
    }

    /// Records ground-truth labels (JSON text) by request id; each label is written as it comes (a label for a
    /// request id whose prediction is not logged, or not logged yet, is reported back and not stored).
    /// - Returns: the request ids that matched no logged prediction of the deployment.
    /// - Throws: `invalidArgument` for no labels or more than 1000, or an empty request id.
    public func recordLabels(deployment: String, labels: [(requestID: String, label: String)]) async throws -> [String] {
        guard (1...1000).contains(labels.count) else { throw CairnError.invalid("Give from 1 to 1000 labels") }
        if labels.contains(where: { $0.requestID.isEmpty }) { throw CairnError.invalid("Every label needs a request_id") }
        var unknown: [String] = []
        for (requestID, label) in labels
        where !(try await sink.recordLabel(deployment: deployment, requestID: requestID, label: label, time: clock.nowMillis())) {
            unknown.append(requestID)
        }
        return unknown
    }
}
