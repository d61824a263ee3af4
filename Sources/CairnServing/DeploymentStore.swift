/// Persistence of deployments. Every method is one transaction.
public protocol DeploymentStore: Sendable {
    /// Inserts a deployment.
    /// - Throws: `alreadyExists` when the name is taken.
    func createDeployment(_ deployment: Deployment) async throws

    /// The deployment with this name, or `nil`.
    func deployment(named name: String) async throws -> Deployment?

    /// Every deployment, ordered by name.
    func deployments() async throws -> [Deployment]

    /// Replaces a deployment if its stored revision is still `expectedRevision` (compare-and-swap).
    /// - Throws: `notFound` when it does not exist; `conflict` when another change came first.
    func replaceDeployment(_ deployment: Deployment, expectedRevision: Int) async throws

    /// Deletes a deployment.
    /// - Returns: whether it existed.
    func deleteDeployment(named name: String) async throws -> Bool
}
