import ArgumentParser

/// `cairn deployments create NAME --route MODEL=WEIGHT[:ROLE]...`.
struct DeploymentsCreate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create a deployment and start serving it.",
        discussion: "Example: cairn deployments create churn --route models:/churn@champion=90 --route models:/churn/7=10:canary")

    @OptionGroup var server: DeploymentServerOptions
    @OptionGroup var spec: DeploymentSpecOptions
    @Argument(help: "Name of the deployment.") var name: String

    func run() async throws {
        try await Output.run {
            try DeploymentOutput.show(try await server.client().create(try spec.body(name: name)), json: server.json)
        }
    }
}
