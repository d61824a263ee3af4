import CairnAPI

/// How deployments print.
enum DeploymentOutput {
    /// A deployment with its settings and the state of each route, or its JSON.
    static func show(_ deployment: DeploymentBody, json: Bool) throws {
        if json { return try Output.json(deployment) }
        print("deployment \(deployment.name), revision \(deployment.revision), \(deployment.ready ? "ready" : "NOT READY"), updated \(Output.time(deployment.last_update_time))")
        let batching = deployment.batching
        print("batching: max \(batching.max_batch_size ?? 1) rows, delay \(batching.max_queue_delay_micros ?? 0) µs, queue \(batching.max_queue_size ?? 0); timeout \(deployment.timeout_ms) ms; sampling \(deployment.sampling_rate)")
        if let key = deployment.sticky_key { print("sticky key: " + (key.header.map { "header \($0)" } ?? key.input.map { "input \($0)" } ?? "-")) }
        print("")
        Output.table(
            ["MODEL", "ROLE", "WEIGHT", "VERSION", "READY", "PROBLEM"],
            deployment.status.map { [$0.model, $0.role, weight($0.weight), $0.version ?? "-", $0.ready ? "yes" : "no", $0.problem ?? ""] })
        if let previous = deployment.previous_routes { print("\nrollback restores: \(routes(previous))") }
    }

    /// Routes as `MODEL=WEIGHT[:ROLE]`, comma-separated (the `--route` syntax).
    static func routes(_ routes: [DeploymentRouteBody]) -> String {
        routes.map { "\($0.model)=\(weight($0.weight))" + ($0.role.map { $0 == "primary" ? "" : ":\($0)" } ?? "") }.joined(separator: ", ")
    }

    private static func weight(_ value: Double) -> String {
        value.rounded() == value ? String(Int(value)) : String(value)
    }
}
