import CairnCore

/// A deployment's routes with their loaded models at one moment; swapped whole, so a request sees either the old
/// table or the new one.
struct RoutingTable: Sendable {
    /// One route and the version it serves, or why it cannot.
    struct Arm: Sendable {
        var route: Deployment.Route
        var identity: VersionLoader.Identity?
        var model: ServedModel?
        var problem: String?
        /// Batches and meters the requests of a ready arm.
        var batcher: Batcher?
    }

    var revision: Int
    var spec: Deployment.Spec
    var arms: [Arm]

    /// The arm answering a request: the pinned version, else a weighted draw over ready primary and canary arms,
    /// deterministic for a sticky key.
    /// - Throws: `notFound` for a pinned version no route serves; `unavailable` when no route is ready.
    func choose(version: String?, stickyKey: String?) throws -> Arm {
        let serving = arms.filter { $0.route.role != .shadow }
        if let version {
            guard let arm = serving.first(where: { $0.identity?.version == version }) else {
                throw CairnError.notFound("The deployment serves no version '\(version)'")
            }
            guard arm.model != nil else { throw CairnError(.unavailable, "Version '\(version)' is not ready: \(arm.problem ?? "loading")") }
            return arm
        }
        let ready = serving.filter { $0.model != nil && $0.route.weight > 0 }
        let total = ready.reduce(0) { $0 + $1.route.weight }
        guard total > 0 else {
            let problems = serving.compactMap(\.problem)
            throw CairnError(.unavailable, "No model version of the deployment is ready" + (problems.isEmpty ? "" : ": " + problems.joined(separator: "; ")))
        }
        var point = (stickyKey.map(Self.unitHash) ?? Double.random(in: 0..<1)) * total
        for arm in ready {
            point -= arm.route.weight
            if point < 0 { return arm }
        }
        return ready[ready.count - 1]
    }

    /// The shadow arms that take a copy of this request (each with the probability of its weight).
    func shadows() -> [ServedModel] {
        arms.compactMap { arm in
            guard arm.route.role == .shadow, let model = arm.model, Double.random(in: 0..<1) < arm.route.weight else { return nil }
            return model
        }
    }

    /// A stable point in [0, 1) for a key (FNV-1a), the same in every process and replica.
    static func unitHash(_ key: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return Double(hash >> 11) / Double(UInt64(1) << 53)
    }
}
