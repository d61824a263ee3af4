import CairnAPI
import Foundation

/// The performance, monitors and alerts API of a running server.
struct MonitoringClient: Sendable {
    let server: RemoteBackend

    func performance(deployment: String, window: String, start: String?, end: String?) async throws -> PerformanceResponse {
        let query = [("window", window)] + [("start", start), ("end", end)].compactMap { name, value in value.map { (name, $0) } }
        return try await server.call("GET", Routes.deployments + "/" + segment(deployment) + "/performance", query: query, data: nil, as: PerformanceResponse.self)
    }

    /// The profile JSON of the inputs logged in `[start, end)`.
    func profile(deployment: String, start: String, end: String, maxPoints: Int) async throws -> Data {
        try await server.body(
            "GET", Routes.deployments + "/" + segment(deployment) + "/profile",
            query: [("start", start), ("end", end), ("max_points", String(maxPoints))], data: nil)
    }

    func create(_ body: MonitorBody) async throws -> MonitorBody {
        try await server.call("POST", Routes.monitors, data: try JSONEncoder().encode(body), as: MonitorResponse.self).monitor
    }

    func list() async throws -> [MonitorBody] {
        try await server.call("GET", Routes.monitors, data: nil, as: MonitorsResponse.self).monitors
    }

    func show(_ name: String) async throws -> MonitorBody {
        try await server.call("GET", path(name), data: nil, as: MonitorResponse.self).monitor
    }

    func run(_ name: String) async throws -> MonitorRunBody {
        try await server.call("POST", path(name) + "/run", data: nil, as: MonitorRunResponse.self).run
    }

    func history(_ name: String, limit: Int) async throws -> [MonitorRunBody] {
        try await server.call("GET", path(name) + "/runs", query: [("limit", String(limit))], data: nil, as: MonitorRunsResponse.self).runs
    }

    /// The report of the monitor's latest run: an HTML page, or its data as JSON.
    func report(_ name: String, format: String) async throws -> Data {
        try await server.body("GET", path(name) + "/report", query: [("format", format)], data: nil)
    }

    func delete(_ name: String) async throws {
        _ = try await server.call("DELETE", path(name), data: nil, as: [String: String].self)
    }

    func alerts(monitor: String?, openOnly: Bool, limit: Int) async throws -> [AlertBody] {
        var query = [("status", openOnly ? "open" : "all"), ("limit", String(limit))]
        if let monitor { query.append(("monitor", monitor)) }
        return try await server.call("GET", Routes.alerts, query: query, data: nil, as: AlertsResponse.self).alerts
    }

    private func path(_ name: String) -> String { Routes.monitors + "/" + segment(name) }

    private func segment(_ name: String) -> String { name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name }
}
