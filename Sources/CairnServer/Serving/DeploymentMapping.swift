import CairnAPI
import CairnCore
import CairnServing

/// Converts between the deployments API's wire types and Serving's domain types.
enum DeploymentMapping {
    static func body(_ state: DeploymentState) -> DeploymentBody {
        let deployment = state.deployment
        let spec = deployment.spec
        return DeploymentBody(
            name: deployment.name, routes: spec.routes.map(route), sticky_key: spec.stickyKey.map(stickyKey),
            batching: BatchingBody(
                max_batch_size: spec.batching.maxBatchSize, max_queue_delay_micros: spec.batching.maxQueueDelayMicros,
                max_queue_size: spec.batching.maxQueueSize),
            timeout_ms: spec.timeoutMillis, sampling_rate: spec.samplingRate, previous_routes: deployment.previous?.routes.map(route),
            revision: deployment.revision, creation_time: deployment.creationTime, last_update_time: deployment.lastUpdateTime,
            ready: state.isReady,
            status: state.routes.map {
                RouteStatusBody(
                    model: $0.route.model, role: $0.route.role.rawValue, weight: $0.route.weight, version: $0.version, ready: $0.isReady,
                    problem: $0.problem)
            })
    }

    static func route(_ route: Deployment.Route) -> DeploymentRouteBody {
        DeploymentRouteBody(model: route.model, weight: route.weight, role: route.role.rawValue)
    }

    static func stickyKey(_ key: Deployment.StickyKey) -> StickyKeyBody {
        switch key {
        case .header(let name): StickyKeyBody(header: name, input: nil)
        case .input(let name): StickyKeyBody(header: nil, input: name)
        }
    }

    /// The spec a create request describes (defaults for absent settings).
    /// - Throws: `invalidArgument` for missing routes or a bad role or sticky key.
    static func spec(_ body: DeploymentSpecBody) throws -> Deployment.Spec {
        guard let routes = body.routes else { throw CairnError.invalid("Missing value for required parameter 'routes'") }
        return try apply(body, to: Deployment.Spec(routes: try routes.map(route)))
    }

    /// `spec` with the fields a PATCH body gives replaced.
    /// - Throws: `invalidArgument` for a bad role or sticky key.
    static func apply(_ body: DeploymentSpecBody, to spec: Deployment.Spec) throws -> Deployment.Spec {
        var spec = spec
        if let routes = body.routes { spec.routes = try routes.map(route) }
        if body.clear_sticky_key == true { spec.stickyKey = nil }
        if let key = body.sticky_key { spec.stickyKey = try stickyKey(key) }
        if let batching = body.batching {
            spec.batching.maxBatchSize = batching.max_batch_size ?? spec.batching.maxBatchSize
            spec.batching.maxQueueDelayMicros = batching.max_queue_delay_micros ?? spec.batching.maxQueueDelayMicros
            spec.batching.maxQueueSize = batching.max_queue_size ?? spec.batching.maxQueueSize
        }
        spec.timeoutMillis = body.timeout_ms ?? spec.timeoutMillis
        spec.samplingRate = body.sampling_rate ?? spec.samplingRate
        return spec
    }

    private static func route(_ body: DeploymentRouteBody) throws -> Deployment.Route {
        guard let role = Deployment.Role(rawValue: body.role ?? "primary") else {
            throw CairnError.invalid("Invalid route role '\(body.role ?? "")': expected primary, canary or shadow")
        }
        return Deployment.Route(model: body.model, weight: body.weight, role: role)
    }

    private static func stickyKey(_ body: StickyKeyBody) throws -> Deployment.StickyKey {
        switch (body.header, body.input) {
        case (let header?, nil): return .header(header)
        case (nil, let input?): return .input(input)
        default: throw CairnError.invalid("sticky_key needs exactly one of 'header' or 'input'")
        }
    }
}
