import CairnCore
import CairnServing
import Foundation

/// One row of `deployments`: the spec and the previous spec as JSON text.
package struct DeploymentRecord: Sendable {
    package var name: String
    package var spec: String
    package var previousSpec: String?
    package var revision: Int
    package var creationTime: Int64
    package var lastUpdateTime: Int64

    package init(_ deployment: Deployment) throws {
        name = deployment.name
        spec = try Self.json(deployment.spec)
        previousSpec = try deployment.previous.map(Self.json)
        revision = deployment.revision
        creationTime = deployment.creationTime
        lastUpdateTime = deployment.lastUpdateTime
    }

    /// A row read through the shared SQL layer.
    package init(row: SQLRow) throws {
        guard let name = row.text("name"), let spec = row.text("spec"), let revision = row.integer("revision"),
            let creationTime = row.integer("creation_time"), let lastUpdateTime = row.integer("last_update_time")
        else { throw CairnError(.internal, "A stored deployment row is incomplete") }
        self.name = name
        self.spec = spec
        previousSpec = row.text("previous_spec")
        self.revision = Int(revision)
        self.creationTime = creationTime
        self.lastUpdateTime = lastUpdateTime
    }

    package func deployment() throws -> Deployment {
        Deployment(
            name: name, spec: try Self.spec(spec), previous: try previousSpec.map(Self.spec), revision: revision,
            creationTime: creationTime, lastUpdateTime: lastUpdateTime)
    }

    private static func json(_ spec: Deployment.Spec) throws -> String {
        String(decoding: try JSONEncoder().encode(spec), as: UTF8.self)
    }

    private static func spec(_ text: String) throws -> Deployment.Spec {
        do {
            return try JSONDecoder().decode(Deployment.Spec.self, from: Data(text.utf8))
        } catch {
            throw CairnError(.internal, "A stored deployment spec cannot be read: \(error)")
        }
    }
}
