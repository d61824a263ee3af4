import ArgumentParser

@testable import CairnCLI

/// Parses and runs a `cairn` command line in-process, as the executable does.
func runCairn(_ arguments: [String]) async throws {
    var command = try CairnCommand.parseAsRoot(arguments)
    if var asyncCommand = command as? any AsyncParsableCommand {
        try await asyncCommand.run()
    } else {
        try command.run()
    }
}
