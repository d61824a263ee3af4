import ArgumentParser

/// `cairn deployments`: deployments hosted by a running `cairn server`.
struct DeploymentsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deployments", abstract: "Create, change, roll back and delete the deployments a server hosts.",
        subcommands: [DeploymentsCreate.self, DeploymentsList.self, DeploymentsShow.self, DeploymentsUpdate.self, DeploymentsRollback.self,
                      DeploymentsDelete.self])
}
