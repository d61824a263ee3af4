import ArgumentParser
import CairnServer
import Foundation
import Logging

/// `cairn migrate --from .cairn --to postgres://… [--artifacts-to s3://…]`: move up from the embedded store.
struct MigrateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "migrate",
        abstract: "Copy a store (metadata, and artifacts if asked) into another, empty one, keeping ids and timestamps.",
        discussion: """
            Typical use: cairn migrate --from .cairn --to postgres://user:pass@host:5432/cairn --artifacts-to s3://bucket/prefix
            Stop the servers writing to the source first. The target database must be empty (it is migrated first).
            Artifacts keep their relative paths, so mlflow-artifacts:/ locations stay valid under the new artifact root.
            S3 credentials come from AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN.
            """)

    @Option(help: "Source store: a .cairn directory, a SQLite file or a postgres:// URL.")
    var from: String

    @Option(help: "Target store, which must be empty: a SQLite file or a postgres:// URL.")
    var to: String

    @Option(help: "Source artifacts: a directory or s3:// location (default: <from>/artifacts when --from is a directory).")
    var artifactsFrom: String?

    @Option(help: "Target artifacts: a directory or s3://bucket/prefix[?endpoint=…]. Without it, no artifacts are copied.")
    var artifactsTo: String?

    /// Warnings and errors only: the pool's reconnection notes are not the command's output.
    static let logger: Logger = {
        var logger = Logger(label: "cairn.migrate")
        logger.logLevel = .warning
        return logger
    }()

    func run() async throws {
        try await Output.run {
            let report = try await StoreMigration.run(
                StoreMigration.Plan(from: from, to: to, artifactsFrom: artifactsFrom, artifactsTo: artifactsTo),
                s3Credentials: ArtifactStores.credentials(from: ProcessInfo.processInfo.environment),
                logger: Self.logger)
            Output.table(["table", "rows"], report.rows.map { [$0.table, String($0.rows)] })
            if artifactsTo == nil {
                print("artifacts: not copied (no --artifacts-to)")
            } else {
                print("artifacts: \(report.artifactFiles) files, \(report.artifactBytes) bytes")
            }
        }
    }
}
