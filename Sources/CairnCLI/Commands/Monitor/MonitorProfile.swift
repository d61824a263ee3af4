import ArgumentParser
import CairnMonitoring
import CairnServing
import Foundation

/// `cairn monitor profile`: writes the reference profile of a data file, of a model's training data, or of a
/// window of a deployment's prediction log.
struct MonitorProfile: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profile",
        abstract: "Write a reference profile (counts, missing shares, quantiles, histograms, frequencies) of a CSV file, a model's training data or logged inputs.")

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Reference data (CSV).") var data: String?
    @Option(help: "Profile the training data of this model instead: models:/NAME/VERSION, models:/NAME@ALIAS or runs:/RUN_ID (the file its run logged as training input).")
    var model: String?
    @Option(help: "Profile the inputs this deployment logged instead (needs --start, --end and a server).") var deployment: String?
    @Option(help: "With --deployment: window start, milliseconds since the epoch or ISO 8601.") var start: String?
    @Option(help: "With --deployment: window end (exclusive).") var end: String?
    @OptionGroup var backend: BackendOptions
    @Option(help: "Where to write the profile (JSON).") var output: String
    @Option(help: "Numeric columns keep their exact distribution up to this many distinct values; above it, drift results are approximate.")
    var maxPoints: Int = ReferenceProfile.defaultMaxPoints

    func validate() throws {
        guard [data, model, deployment].compactMap({ $0 }).count == 1 else {
            throw ValidationError("Give one of --data FILE, --model URI or --deployment NAME.")
        }
        if deployment != nil, start == nil || end == nil { throw ValidationError("--deployment needs --start and --end.") }
    }

    func run() async throws {
        try await Output.run {
            let profile = try await read()
            try profile.encoded().write(to: URL(fileURLWithPath: output))
            let rows = profile.columns.map { column -> [String] in
                [column.name, column.kind.rawValue, column.type.rawValue, String(column.rowCount),
                 String(format: "%.4f", column.missingShare), column.isExact ? "exact" : "compressed"]
            }
            if backend.json { return try Output.json(ProfileSummary(output: output, profile: profile)) }
            Output.table(["COLUMN", "KIND", "TYPE", "ROWS", "MISSING", "SAMPLE"], rows)
            print("wrote \(output)")
        }
    }
}

extension MonitorProfile {
    /// The profile of the data file, of the model's training file, or of the logged window (made by the server).
    private func read() async throws -> ReferenceProfile {
        if let deployment, let start, let end {
            let client = MonitoringClient(server: try ServerURIOptions.server(uri: backend.trackingURI))
            return try ReferenceProfile.decode(try await client.profile(deployment: deployment, start: start, end: end, maxPoints: maxPoints))
        }
        var path = data ?? ""
        if let model { path = try await TrainingDataset.path(of: try ModelURI(parsing: model), in: try await backend.backend()) }
        return try ReferenceProfile(try dataOptions.read(path), maxPoints: maxPoints)
    }
}

/// The JSON of `cairn monitor profile --json`: where the profile went and what it holds per column.
private struct ProfileSummary: Encodable {
    struct ColumnSummary: Encodable {
        let name: String
        let kind: String
        let type: String
        let missing_share: Double
        let exact: Bool
    }

    let output: String
    let rows: Int
    let columns: [ColumnSummary]

    init(output: String, profile: ReferenceProfile) {
        self.output = output
        rows = profile.rowCount
        columns = profile.columns.map {
            ColumnSummary(name: $0.name, kind: $0.kind.rawValue, type: $0.type.rawValue, missing_share: $0.missingShare, exact: $0.isExact)
        }
    }
}
