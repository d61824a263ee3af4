/// A named, live HTTP endpoint that routes predictions between registered model versions.
///
/// Primary and canary routes share the traffic in proportion to their weights (over the routes whose model is
/// ready); a shadow route receives a copy of a share of the requests (its weight, from 0 to 1) and its answers
/// never reach the caller.
public struct Deployment: Sendable, Equatable, Codable {
    /// How one route takes part.
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// Answers its weight's share of the traffic.
        case primary
        /// Answers its weight's share of the traffic; a primary and a canary differ only in intent.
        case canary
        /// Receives a copy of a share of the requests, answering nobody.
        case shadow
    }

    /// One model version (or an alias or stage to follow) and its part of the traffic.
    public struct Route: Sendable, Equatable, Codable {
        /// A `models:/name/N`, `models:/name@alias`, `models:/name/Stage`, `runs:/…` URI or a path; an alias or a
        /// stage is followed: when it moves, the new version is loaded and swapped in.
        public var model: String
        /// The share of traffic (primary, canary: any non-negative number, normalized over the ready routes;
        /// shadow: the fraction of requests copied, from 0 to 1).
        public var weight: Double
        public var role: Role

        public init(model: String, weight: Double, role: Role = .primary) {
            self.model = model
            self.weight = weight
            self.role = role
        }
    }

    /// Where the sticky A/B key comes from: requests with the same key always reach the same route.
    public enum StickyKey: Sendable, Equatable, Codable {
        /// An HTTP header (matched case-insensitively).
        case header(String)
        /// An input column (the value of its first row).
        case input(String)
    }

    /// Dynamic batching and admission settings.
    public struct Batching: Sendable, Equatable, Codable {
        /// The most rows one predictor call takes; 1 turns batching off.
        public var maxBatchSize: Int
        /// How long the first request of a batch waits for others, in microseconds.
        public var maxQueueDelayMicros: Int
        /// The most requests waiting per route; past it requests get 503 with Retry-After.
        public var maxQueueSize: Int

        public init(maxBatchSize: Int = 1, maxQueueDelayMicros: Int = 0, maxQueueSize: Int = 1024) {
            self.maxBatchSize = maxBatchSize
            self.maxQueueDelayMicros = maxQueueDelayMicros
            self.maxQueueSize = maxQueueSize
        }
    }

    /// The routing and settings a deployment has at one moment; rollback restores the previous one.
    public struct Spec: Sendable, Equatable, Codable {
        public var routes: [Route]
        public var stickyKey: StickyKey?
        public var batching: Batching
        /// The longest a prediction may take, in milliseconds, before the caller gets 504.
        public var timeoutMillis: Int
        /// The fraction of predictions written to the prediction log, from 0 to 1.
        public var samplingRate: Double

        public init(
            routes: [Route], stickyKey: StickyKey? = nil, batching: Batching = Batching(), timeoutMillis: Int = 10_000,
            samplingRate: Double = 1
        ) {
            self.routes = routes
            self.stickyKey = stickyKey
            self.batching = batching
            self.timeoutMillis = timeoutMillis
            self.samplingRate = samplingRate
        }
    }

    public var name: String
    public var spec: Spec
    /// The spec before the last update or rollback, which ``DeploymentService/rollback(name:)`` restores.
    public var previous: Spec?
    /// Counts changes; each update checks it so concurrent changes never overwrite each other silently.
    public var revision: Int
    public var creationTime: Int64
    public var lastUpdateTime: Int64

    public init(name: String, spec: Spec, previous: Spec? = nil, revision: Int = 1, creationTime: Int64, lastUpdateTime: Int64) {
        self.name = name
        self.spec = spec
        self.previous = previous
        self.revision = revision
        self.creationTime = creationTime
        self.lastUpdateTime = lastUpdateTime
    }
}
