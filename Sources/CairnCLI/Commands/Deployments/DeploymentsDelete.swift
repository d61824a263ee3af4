import ArgumentParser

/// `cairn deployments delete NAME`.
struct DeploymentsDelete: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Stop serving a deployment and delete it.")

    @OptionGroup var server: DeploymentServerOptions
    @Argument(help: "Name of the deployment.") var name: String

    func run() async throws {
        try await Output.run {
            try await server.client().delete(name)
            if server.json { try Output.json(["deleted": name]) } else { print("deleted deployment \(name)") }
        }
    }
}
