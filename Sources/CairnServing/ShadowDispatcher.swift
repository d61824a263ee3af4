/// Runs shadow predictions off the request path: a request only enqueues a copy (never waiting; a full queue
/// drops the copy), and ``run()`` predicts the copies one after another. Shadow answers and failures reach no
/// caller; they are counted by ``ShadowOutcomes``.
public final class ShadowDispatcher: Sendable {
    /// A copy of a request for a shadow version.
    struct Job: Sendable {
        var deployment: String
        var model: ServedModel
        var input: InferenceInput
    }

    private let jobs: AsyncStream<Job>
    private let continuation: AsyncStream<Job>.Continuation
    /// What happened to the copies.
    public let outcomes: ShadowOutcomes

    /// - Parameter capacity: the most copies waiting; more are dropped.
    public init(capacity: Int = 256) {
        (jobs, continuation) = AsyncStream.makeStream(of: Job.self, bufferingPolicy: .bufferingOldest(capacity))
        outcomes = ShadowOutcomes()
    }

    /// Queues a copy without waiting.
    func submit(_ job: Job) {
        if case .dropped = continuation.yield(job) { outcomes.record(job, .dropped) }
    }

    /// Predicts queued copies until ``finish()`` is called and the queue is empty.
    public func run() async {
        for await job in jobs {
            do {
                _ = try job.model.predict(job.input)
                outcomes.record(job, .answered)
            } catch {
                outcomes.record(job, .failed)
            }
        }
    }

    /// Stops accepting copies; ``run()`` returns once the queued ones are done.
    public func finish() { continuation.finish() }
}
