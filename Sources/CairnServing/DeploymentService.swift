import CairnCore

/// Creates, changes, rolls back and deletes deployments: each change is stored first (one transaction, checked
/// against concurrent changes), then applied to the ``DeploymentHost`` of this server.
public struct DeploymentService: Sendable {
    let store: any DeploymentStore
    let host: DeploymentHost
    let clock: any WallClock

    public init(store: any DeploymentStore, host: DeploymentHost, clock: any WallClock = SystemClock()) {
        self.store = store
        self.host = host
        self.clock = clock
    }

    /// Creates a deployment and starts serving it (a route whose model cannot be loaded is served as not ready).
    /// - Throws: `invalidArgument` for a bad name or spec; `alreadyExists`.
    public func create(name: String, spec: Deployment.Spec) async throws -> DeploymentState {
        try DeploymentValidation.name(name)
        try DeploymentValidation.spec(spec)
        let now = clock.nowMillis()
        let deployment = Deployment(name: name, spec: spec, creationTime: now, lastUpdateTime: now)
        do {
            try await store.createDeployment(deployment)
        } catch let error as CairnError where error.code == .conflict {
            throw CairnError.alreadyExists("Deployment '\(name)' already exists")
        }
        await host.apply(deployment)
        return host.state(of: deployment)
    }

    /// The deployment with this name and the state of its routes. - Throws: `notFound`.
    public func get(name: String) async throws -> DeploymentState {
        host.state(of: try await stored(name))
    }

    /// Every deployment, by name, with the state of its routes.
    public func list() async throws -> [DeploymentState] { try await store.deployments().map(host.state(of:)) }

    private func stored(_ name: String) async throws -> Deployment {
        guard let deployment = try await store.deployment(named: name) else {
            throw CairnError.notFound("Deployment '\(name)' does not exist")
        }
        return deployment
    }

    /// Replaces a deployment's spec (routes, weights, settings), remembering the old one for ``rollback(name:)``.
    /// - Throws: `notFound`; `invalidArgument` for a bad spec; `conflict` when another change came first.
    /// - Parameter change: turns the current spec into the new one.
    public func update(name: String, change: (Deployment.Spec) throws -> Deployment.Spec) async throws -> DeploymentState {
        let current = try await stored(name)
        let spec = try change(current.spec)
        try DeploymentValidation.spec(spec)
        return try await replace(current, spec: spec, previous: current.spec)
    }

    /// Restores the spec before the last update (or rollback) in one step; rolling back twice returns to where
    /// it started.
    /// - Throws: `notFound`; `invalidArgument` when the deployment was never changed; `conflict`.
    public func rollback(name: String) async throws -> DeploymentState {
        let current = try await stored(name)
        guard let previous = current.previous else {
            throw CairnError.invalid("Deployment '\(name)' has no previous routing to roll back to")
        }
        return try await replace(current, spec: previous, previous: current.spec)
    }

    /// Deletes a deployment and stops serving it. - Throws: `notFound`.
    public func delete(name: String) async throws {
        guard try await store.deleteDeployment(named: name) else { throw CairnError.notFound("Deployment '\(name)' does not exist") }
        host.remove(name)
    }

    /// Serves what the store holds: used at start and by the periodic refresh that follows aliases and picks up
    /// changes made through other replicas.
    public func refreshHost() async throws {
        await host.refresh(try await store.deployments())
    }

    private func replace(_ current: Deployment, spec: Deployment.Spec, previous: Deployment.Spec) async throws -> DeploymentState {
        var next = current
        next.spec = spec
        next.previous = previous
        next.revision += 1
        next.lastUpdateTime = clock.nowMillis()
        try await store.replaceDeployment(next, expectedRevision: current.revision)
        await host.apply(next)
        return host.state(of: next)
    }
}
