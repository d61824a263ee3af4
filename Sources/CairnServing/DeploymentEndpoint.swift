import CairnCore
import Synchronization

/// A deployment as an endpoint: routes each request through its current ``RoutingTable`` and sends shadow copies
/// to the ``ShadowDispatcher``. Installing a new table is one atomic swap; requests in flight finish on the old one.
final class DeploymentEndpoint: InferenceEndpoint {
    let name: String
    private let table: Mutex<RoutingTable>
    private let shadows: ShadowDispatcher
    private let log: PredictionLog?

    init(name: String, table: RoutingTable, shadows: ShadowDispatcher, log: PredictionLog?) {
        self.name = name
        self.table = Mutex(table)
        self.shadows = shadows
        self.log = log
    }

    /// The table serving now.
    var current: RoutingTable { table.withLock { $0 } }

    /// Replaces the table, unless the one serving comes from a newer revision (a slow load for an older revision
    /// that finishes after a newer one must not win).
    func install(_ new: RoutingTable) {
        table.withLock { if new.revision >= $0.revision { $0 = new } }
    }

    func status() async -> EndpointStatus {
        let arms = current.arms.filter { $0.route.role != .shadow }.sorted { $0.route.weight > $1.route.weight }
        return EndpointStatus(versions: arms.map {
            .init(version: $0.identity?.version ?? $0.route.model, model: $0.model, problem: $0.model == nil ? ($0.problem ?? "loading") : nil)
        })
    }

    func infer(_ request: InferenceRequest) async throws -> InferenceResult {
        let start = ContinuousClock.now
        let table = current
        let arm = try table.choose(version: request.version, stickyKey: stickyKey(request, table.spec.stickyKey))
        guard let batcher = arm.batcher else { throw CairnError(.unavailable, "The deployment's version is not ready") }
        let result = try await batcher.answer(
            request, endpoint: name, start: start, timeout: .milliseconds(table.spec.timeoutMillis), log: log, samplingRate: table.spec.samplingRate)
        if request.version == nil {
            for shadow in table.shadows() { shadows.submit(.init(deployment: name, model: shadow, input: request.input)) }
        }
        return result
    }

    /// The request's sticky key: a header's value, or the first row's value of an input column.
    private func stickyKey(_ request: InferenceRequest, _ source: Deployment.StickyKey?) -> String? {
        switch source {
        case .header(let name)?: return request.headers[name.lowercased()]
        case .input(let column)?: return request.input.firstValue(of: column)?.shown
        case nil: return nil
        }
    }
}

extension InferenceInput {
    /// The first row's value of a named column, if the input names its columns.
    func firstValue(of column: String) -> FeatureValue? {
        switch self {
        case .columns(let columns): columns[column]?.first
        case .tensors(let tensors): tensors.first { $0.name == column }?.values.first
        case .rows: nil
        }
    }
}
