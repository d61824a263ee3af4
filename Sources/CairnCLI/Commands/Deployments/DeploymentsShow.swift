import ArgumentParser

/// `cairn deployments show NAME`.
struct DeploymentsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a deployment, its routes and their state.")

    @OptionGroup var server: DeploymentServerOptions
    @Argument(help: "Name of the deployment.") var name: String

    func run() async throws {
        try await Output.run { try DeploymentOutput.show(try await server.client().show(name), json: server.json) }
    }
}
