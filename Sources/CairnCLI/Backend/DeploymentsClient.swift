import CairnAPI
import Foundation

/// The deployments API of a running server (`/api/cairn/v1/deployments`).
struct DeploymentsClient: Sendable {
    let server: RemoteBackend

    func create(_ body: DeploymentSpecBody) async throws -> DeploymentBody {
        try await server.call("POST", Routes.deployments, data: try JSONEncoder().encode(body), as: DeploymentResponse.self).deployment
    }

    func list() async throws -> [DeploymentBody] {
        try await server.call("GET", Routes.deployments, data: nil, as: DeploymentsResponse.self).deployments
    }

    func show(_ name: String) async throws -> DeploymentBody {
        try await server.call("GET", path(name), data: nil, as: DeploymentResponse.self).deployment
    }

    func update(_ name: String, _ body: DeploymentSpecBody) async throws -> DeploymentBody {
        try await server.call("PATCH", path(name), data: try JSONEncoder().encode(body), as: DeploymentResponse.self).deployment
    }

    func rollback(_ name: String) async throws -> DeploymentBody {
        try await server.call("POST", path(name) + "/rollback", data: nil, as: DeploymentResponse.self).deployment
    }

    func delete(_ name: String) async throws {
        _ = try await server.call("DELETE", path(name), data: nil, as: [String: String].self)
    }

    private func path(_ name: String) -> String {
        Routes.deployments + "/" + (name.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? name)
    }
}
