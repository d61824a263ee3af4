import CairnCore
import Synchronization

/// The deployments a server hosts, as endpoints: builds each one's routing table (loading and warming versions),
/// follows aliases and stages, and drops deleted deployments. Lookups never wait for a load.
public final class DeploymentHost: EndpointDirectory {
    private let versions: VersionLoader
    private let shadows: ShadowDispatcher
    private let log: PredictionLog?
    private let hosted = Mutex<[String: DeploymentEndpoint]>([:])

    /// - Parameters:
    ///   - source: resolves the routes' model URIs.
    ///   - loader: loads model files.
    ///   - shadows: runs shadow copies.
    ///   - log: where predictions are logged, if anywhere.
    public init(source: any ModelSource, loader: any PredictorLoader, shadows: ShadowDispatcher, log: PredictionLog?) {
        versions = VersionLoader(source: source, loader: loader)
        self.shadows = shadows
        self.log = log
    }

    public func endpoint(named name: String) async -> (any InferenceEndpoint)? { hostedEndpoint(name) }

    /// The endpoint of a hosted deployment.
    func hostedEndpoint(_ name: String) -> DeploymentEndpoint? { hosted.withLock { $0[name] } }

    public func endpoints() async -> [any InferenceEndpoint] {
        hosted.withLock { $0.values.sorted { $0.name < $1.name } }
    }

    /// Serves `deployment` as it is now: versions already loaded are kept, new ones are loaded and warmed before the
    /// new table replaces the old in one step. A version that fails to load gets no traffic and reports why.
    public func apply(_ deployment: Deployment) async {
        let existing = hosted.withLock { $0[deployment.name] }
        let old = existing?.current
        var arms: [RoutingTable.Arm] = []
        for route in deployment.spec.routes {
            var arm = await arm(for: route, reusing: old?.arms ?? [])
            if let model = arm.model {
                let kept = old?.arms.first { $0.identity == arm.identity && $0.batcher?.settings == deployment.spec.batching }?.batcher
                arm.batcher = kept ?? Batcher(
                    model: model, settings: deployment.spec.batching, metrics: ServingMetrics(endpoint: deployment.name, version: model.version))
            }
            arms.append(arm)
        }
        let table = RoutingTable(revision: deployment.revision, spec: deployment.spec, arms: arms)
        if let existing {
            existing.install(table)
        } else {
            hosted.withLock { $0[deployment.name] = DeploymentEndpoint(name: deployment.name, table: table, shadows: shadows, log: log) }
        }
    }

    /// Stops serving a deployment.
    public func remove(_ name: String) {
        _ = hosted.withLock { $0.removeValue(forKey: name) }
    }

    /// Brings every hosted deployment in line with `deployments` (as the store holds them): new and changed ones
    /// are applied, deleted ones removed, and routes following an alias or stage that moved get the new version.
    public func refresh(_ deployments: [Deployment]) async {
        let names = Set(deployments.map(\.name))
        for name in hosted.withLock({ Array($0.keys) }) where !names.contains(name) { remove(name) }
        for deployment in deployments {
            guard let table = hosted.withLock({ $0[deployment.name] })?.current, table.revision == deployment.revision else {
                await apply(deployment)
                continue
            }
            if await moved(table) { await apply(deployment) }
        }
    }

    /// Whether a route's URI now names another version than the one loaded, or a failed route may now load.
    private func moved(_ table: RoutingTable) async -> Bool {
        for arm in table.arms {
            guard let uri = try? ModelURI(parsing: arm.route.model) else { continue }
            if arm.model == nil { return true }
            if case .registered(_, .version) = uri { continue }
            if let now = try? await versions.identify(uri), now != arm.identity { return true }
        }
        return false
    }

    private func arm(for route: Deployment.Route, reusing old: [RoutingTable.Arm]) async -> RoutingTable.Arm {
        do {
            let identity = try await versions.identify(try ModelURI(parsing: route.model))
            if let loaded = old.first(where: { $0.identity == identity && $0.model != nil }) {
                return RoutingTable.Arm(route: route, identity: identity, model: loaded.model, problem: nil)
            }
            return RoutingTable.Arm(route: route, identity: identity, model: try await versions.load(identity), problem: nil)
        } catch {
            let message = (error as? CairnError)?.message ?? "\(error)"
            return RoutingTable.Arm(route: route, identity: nil, model: nil, problem: "\(route.model): \(message)")
        }
    }
}
