/// A deployment with the state of its routes on this server.
public struct DeploymentState: Sendable {
    /// One route and what it serves now.
    public struct Route: Sendable {
        public var route: Deployment.Route
        /// The version the route's URI resolved to, if it could be resolved.
        public var version: String?
        public var isReady: Bool
        /// Why the route is not ready.
        public var problem: String?
    }

    public var deployment: Deployment
    public var routes: [Route]

    /// Whether a primary or canary route is ready to answer.
    public var isReady: Bool { routes.contains { $0.route.role != .shadow && $0.isReady && $0.route.weight > 0 } }
}

extension DeploymentHost {
    /// The state of a deployment's routes as hosted now (routes not hosted yet are reported as loading).
    func state(of deployment: Deployment) -> DeploymentState {
        guard let table = hostedEndpoint(deployment.name)?.current, table.revision == deployment.revision else {
            return DeploymentState(
                deployment: deployment,
                routes: deployment.spec.routes.map { .init(route: $0, version: nil, isReady: false, problem: "loading") })
        }
        return DeploymentState(
            deployment: deployment,
            routes: table.arms.map { .init(route: $0.route, version: $0.identity?.version, isReady: $0.model != nil, problem: $0.problem) })
    }
}
