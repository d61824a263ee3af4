import ArgumentParser

/// `cairn deployments list`.
struct DeploymentsList: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the deployments of a server.")

    @OptionGroup var server: DeploymentServerOptions

    func run() async throws {
        try await Output.run {
            let deployments = try await server.client().list()
            if server.json { return try Output.json(deployments) }
            Output.table(
                ["NAME", "READY", "REVISION", "ROUTES", "UPDATED"],
                deployments.map { [$0.name, $0.ready ? "yes" : "no", String($0.revision), DeploymentOutput.routes($0.routes), Output.time($0.last_update_time)] })
        }
    }
}
