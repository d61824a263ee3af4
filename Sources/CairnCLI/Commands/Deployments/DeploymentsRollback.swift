import ArgumentParser

/// `cairn deployments rollback NAME`.
struct DeploymentsRollback: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rollback", abstract: "Restore the routing before the last change, in one step.")

    @OptionGroup var server: DeploymentServerOptions
    @Argument(help: "Name of the deployment.") var name: String

    func run() async throws {
        try await Output.run { try DeploymentOutput.show(try await server.client().rollback(name), json: server.json) }
    }
}
