// Wire types of Cairn's deployments API (`/api/cairn/v1/deployments`), snake_case like MLflow's.

/// One route of a deployment.
public struct DeploymentRouteBody: Codable, Sendable, Equatable {
    /// A `models:/…` or `runs:/…` URI (an alias or stage is followed) or a path.
    public var model: String
    public var weight: Double
    /// `primary`, `canary` or `shadow` (default `primary`).
    public var role: String?

    public init(model: String, weight: Double, role: String?) {
        self.model = model
        self.weight = weight
        self.role = role
    }
}

/// Where the sticky A/B key comes from: exactly one of `header` or `input`.
public struct StickyKeyBody: Codable, Sendable, Equatable {
    public var header: String?
    public var input: String?

    public init(header: String?, input: String?) {
        self.header = header
        self.input = input
    }
}

/// Dynamic batching and admission settings.
public struct BatchingBody: Codable, Sendable, Equatable {
    public var max_batch_size: Int?
    public var max_queue_delay_micros: Int?
    public var max_queue_size: Int?

    public init(max_batch_size: Int?, max_queue_delay_micros: Int?, max_queue_size: Int?) {
        self.max_batch_size = max_batch_size
        self.max_queue_delay_micros = max_queue_delay_micros
        self.max_queue_size = max_queue_size
    }
}

/// The body of `POST /deployments` (with `name`) and `PATCH /deployments/{name}` (fields given replace the
/// current ones; absent fields stay as they are).
public struct DeploymentSpecBody: Codable, Sendable {
    public var name: String?
    public var routes: [DeploymentRouteBody]?
    public var sticky_key: StickyKeyBody?
    /// `true` removes the sticky key on PATCH.
    public var clear_sticky_key: Bool?
    public var batching: BatchingBody?
    public var timeout_ms: Int?
    public var sampling_rate: Double?

    public init(
        name: String? = nil, routes: [DeploymentRouteBody]? = nil, sticky_key: StickyKeyBody? = nil, clear_sticky_key: Bool? = nil,
        batching: BatchingBody? = nil, timeout_ms: Int? = nil, sampling_rate: Double? = nil
    ) {
        self.name = name
        self.routes = routes
        self.sticky_key = sticky_key
        self.clear_sticky_key = clear_sticky_key
        self.batching = batching
        self.timeout_ms = timeout_ms
        self.sampling_rate = sampling_rate
    }
}

/// A route as served now: the version it resolved to and whether it is ready.
public struct RouteStatusBody: Codable, Sendable, Equatable {
    public var model: String
    public var role: String
    public var weight: Double
    public var version: String?
    public var ready: Bool
    public var problem: String?

    public init(model: String, role: String, weight: Double, version: String?, ready: Bool, problem: String?) {
        self.model = model
        self.role = role
        self.weight = weight
        self.version = version
        self.ready = ready
        self.problem = problem
    }
}

/// A deployment as the API returns it.
public struct DeploymentBody: Codable, Sendable {
    public var name: String
    public var routes: [DeploymentRouteBody]
    public var sticky_key: StickyKeyBody?
    public var batching: BatchingBody
    public var timeout_ms: Int
    public var sampling_rate: Double
    /// The routes `rollback` would restore, if any.
    public var previous_routes: [DeploymentRouteBody]?
    public var revision: Int
    public var creation_time: Int64
    public var last_update_time: Int64
    /// Whether a primary or canary route is ready to answer.
    public var ready: Bool
    public var status: [RouteStatusBody]

    public init(
        name: String, routes: [DeploymentRouteBody], sticky_key: StickyKeyBody?, batching: BatchingBody, timeout_ms: Int,
        sampling_rate: Double, previous_routes: [DeploymentRouteBody]?, revision: Int, creation_time: Int64, last_update_time: Int64,
        ready: Bool, status: [RouteStatusBody]
    ) {
        self.name = name
        self.routes = routes
        self.sticky_key = sticky_key
        self.batching = batching
        self.timeout_ms = timeout_ms
        self.sampling_rate = sampling_rate
        self.previous_routes = previous_routes
        self.revision = revision
        self.creation_time = creation_time
        self.last_update_time = last_update_time
        self.ready = ready
        self.status = status
    }
}

/// `{"deployment": …}`.
public struct DeploymentResponse: Codable, Sendable {
    public var deployment: DeploymentBody

    public init(deployment: DeploymentBody) { self.deployment = deployment }
}

/// `{"deployments": […]}`.
public struct DeploymentsResponse: Codable, Sendable {
    public var deployments: [DeploymentBody]

    public init(deployments: [DeploymentBody]) { self.deployments = deployments }
}
