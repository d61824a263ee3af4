import ArgumentParser

/// `cairn models`: the model registry.
struct ModelsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "models", abstract: "Inspect the model registry and model files, and manage aliases.",
        subcommands: [ModelsList.self, ModelsShow.self, ModelsVersions.self, ModelsAlias.self, ModelsInspect.self])
}
