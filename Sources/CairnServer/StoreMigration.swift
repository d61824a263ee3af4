import CairnArtifacts
import CairnArtifactsS3
import CairnCore
import CairnStore
import Foundation
import Logging
import ServiceLifecycle

/// `cairn migrate`: copies a store's metadata (ids and timestamps unchanged) and, when asked, its artifacts
/// into another store, typically an embedded `.cairn` into PostgreSQL and S3.
public enum StoreMigration {
    /// What to copy where.
    public struct Plan: Sendable {
        /// Source metadata store: a SQLite file, a directory holding `cairn.db`, or a `postgres://` URL.
        public var from: String
        /// Target metadata store (must be empty): a SQLite file or a `postgres://` URL.
        public var to: String
        /// Source artifact directory or S3 location; `nil` copies no artifacts.
        public var artifactsFrom: String?
        /// Target artifact directory or S3 location; `nil` copies no artifacts.
        public var artifactsTo: String?

        public init(from: String, to: String, artifactsFrom: String?, artifactsTo: String?) {
            self.from = from
            self.to = to
            self.artifactsFrom = artifactsFrom
            self.artifactsTo = artifactsTo
        }
    }

    /// What was copied.
    public struct Report: Sendable {
        public var rows: [(table: String, rows: Int)]
        public var artifactFiles: Int
        public var artifactBytes: Int64
    }

    /// A directory source stands for its `cairn.db` (and, for artifacts, its `artifacts/`).
    public static func resolve(_ plan: Plan) -> Plan {
        var resolved = plan
        var isDirectory: ObjCBool = false
        if !MetadataStores.isPostgres(plan.from), FileManager.default.fileExists(atPath: plan.from, isDirectory: &isDirectory),
            isDirectory.boolValue
        {
            resolved.from = URL(fileURLWithPath: plan.from).appendingPathComponent("cairn.db").path
            if plan.artifactsTo != nil, plan.artifactsFrom == nil {
                resolved.artifactsFrom = URL(fileURLWithPath: plan.from).appendingPathComponent("artifacts").path
            }
        }
        return resolved
    }

    /// Copies metadata, then artifacts.
    /// - Throws: `invalidState` when the target store holds data, `invalidArgument` for bad locations or an artifact
    ///   target without a source, `notFound` when the source store does not exist, `unavailable` when a database
    ///   cannot be reached.
    public static func run(_ plan: Plan, s3Credentials: SigV4.Credentials?, logger: Logger) async throws -> Report {
        let plan = resolve(plan)
        if !MetadataStores.isPostgres(plan.from), !FileManager.default.fileExists(atPath: MetadataStores.sqlitePath(plan.from)) {
            throw CairnError.notFound("No store at '\(plan.from)'")
        }
        if plan.artifactsTo != nil, plan.artifactsFrom == nil {
            throw CairnError.invalid("--artifacts-to needs --artifacts-from (or a .cairn directory as --from)")
        }
        let source = try MetadataStores.open(plan.from, logger: logger)
        let target = try MetadataStores.open(plan.to, logger: logger)
        let pools = [source.pool, target.pool].compactMap { $0 }
        let rows = try await withThrowingTaskGroup(of: [(table: String, rows: Int)]?.self) { group in
            for pool in pools { group.addTask { try await pool.run(); return nil } }
            defer { group.cancelAll() }
            try await source.migrate()
            try await target.migrate()
            return try await StoreCopy.copy(from: source.tables, to: target.tables)
        }
        var report = Report(rows: rows, artifactFiles: 0, artifactBytes: 0)
        if let from = plan.artifactsFrom, let to = plan.artifactsTo {
            let copied = try await ArtifactCopy.copyTree(
                from: try ArtifactStores.open(from, s3Credentials: s3Credentials), to: try ArtifactStores.open(to, s3Credentials: s3Credentials))
            report.artifactFiles = copied.files
            report.artifactBytes = copied.bytes
        }
        return report
    }
}
