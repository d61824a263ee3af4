import ArgumentParser

/// `cairn deployments update NAME [flags]`: changes routes, weights or settings at run time.
struct DeploymentsUpdate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update", abstract: "Change a deployment's routes, weights or settings (given --route flags replace all routes).")

    @OptionGroup var server: DeploymentServerOptions
    @OptionGroup var spec: DeploymentSpecOptions
    @Flag(help: "Stop routing by a sticky key.") var clearStickyKey = false
    @Argument(help: "Name of the deployment.") var name: String

    func run() async throws {
        try await Output.run {
            try DeploymentOutput.show(try await server.client().update(name, try spec.body(clearStickyKey: clearStickyKey)), json: server.json)
        }
    }
}
