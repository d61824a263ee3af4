import CairnCore

/// The rules a deployment's name and spec follow.
enum DeploymentValidation {
    /// - Throws: `invalidArgument` for a name other than 1–64 letters, digits, `.`, `_` or `-` starting with a
    ///   letter or digit.
    static func name(_ name: String) throws {
        let allowed = name.unicodeScalars.allSatisfy { isAlphanumeric($0) || "._-".unicodeScalars.contains($0) }
        guard (1...64).contains(name.count), allowed, let first = name.unicodeScalars.first, isAlphanumeric(first) else {
            throw CairnError.invalid("Invalid deployment name '\(name)': use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
    }

    /// - Throws: `invalidArgument` naming the first rule the spec breaks.
    static func spec(_ spec: Deployment.Spec) throws {
        guard !spec.routes.isEmpty else { throw CairnError.invalid("A deployment needs at least one route") }
        for (index, route) in spec.routes.enumerated() {
            _ = try ModelURI(parsing: route.model)
            guard route.weight.isFinite, route.weight >= 0 else {
                throw CairnError.invalid("routes[\(index)].weight must be a non-negative number, not \(route.weight)")
            }
            if route.role == .shadow, route.weight > 1 {
                throw CairnError.invalid("routes[\(index)].weight of a shadow route is the share of requests copied, from 0 to 1")
            }
        }
        guard spec.routes.contains(where: { $0.role != .shadow && $0.weight > 0 }) else {
            throw CairnError.invalid("A deployment needs a primary or canary route with a positive weight")
        }
        let keys = spec.routes.map { "\($0.role.rawValue) \($0.model)" }
        guard Set(keys).count == keys.count else { throw CairnError.invalid("A model appears twice in the same role") }
        try settings(batching: spec.batching, timeoutMillis: spec.timeoutMillis, samplingRate: spec.samplingRate)
        if case .header(let key)? = spec.stickyKey, key.isEmpty { throw CairnError.invalid("sticky_key.header must not be empty") }
        if case .input(let key)? = spec.stickyKey, key.isEmpty { throw CairnError.invalid("sticky_key.input must not be empty") }
    }

    /// The rules batching, the timeout and the sampling rate follow, for a deployment or a standalone model.
    /// - Throws: `invalidArgument` naming the first setting out of range.
    static func settings(batching: Deployment.Batching, timeoutMillis: Int, samplingRate: Double) throws {
        guard (1...100_000).contains(batching.maxBatchSize) else { throw CairnError.invalid("batching.max_batch_size must be from 1 to 100000") }
        guard (0...10_000_000).contains(batching.maxQueueDelayMicros) else {
            throw CairnError.invalid("batching.max_queue_delay_micros must be from 0 to 10000000")
        }
        guard (1...1_000_000).contains(batching.maxQueueSize) else { throw CairnError.invalid("batching.max_queue_size must be from 1 to 1000000") }
        guard (1...3_600_000).contains(timeoutMillis) else { throw CairnError.invalid("timeout_ms must be from 1 to 3600000") }
        guard samplingRate.isFinite, (0...1).contains(samplingRate) else { throw CairnError.invalid("sampling_rate must be from 0 to 1") }
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
    }
}
