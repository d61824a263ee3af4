import ArgumentParser
import CairnCore
import CairnML
import CairnMonitoring
import Foundation

/// The reference and current data of `monitor drift` and `monitor report`: a CSV file or a stored profile, and
/// a CSV file.
struct ReferenceOptions: ParsableArguments {
    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Reference data: a CSV file, or a profile written by cairn monitor profile (.json).")
    var reference: String
    @Option(help: "Current data (CSV).") var current: String
    @Option(help: "Comma-separated columns to test (default: every column of the current data).")
    var columns: String?
    @Option(help: "Dataset drift when at least this share of tested columns drifted (default 0.5).")
    var driftShare: Double = 0.5

    /// Whether the reference names a stored profile rather than a data file.
    var referenceIsProfile: Bool { reference.lowercased().hasSuffix(".json") }

    /// The drift options these flags describe.
    func driftOptions() -> DriftOptions {
        DriftOptions(columns: columns.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } },
                     driftShare: driftShare)
    }

    /// The current data.
    func currentTable() throws -> Table { try dataOptions.read(current) }

    /// The reference as a profile: read from the file, or made from the data file keeping every value (exact).
    func referenceProfile() throws -> ReferenceProfile {
        if referenceIsProfile { return try ReferenceProfile.load(path: reference) }
        return try ReferenceProfile(try dataOptions.read(reference), maxPoints: .max)
    }
}

extension ReferenceProfile {
    /// Reads a profile file.
    /// - Throws: `not_found` when the file cannot be read, `invalid_argument` when it is not a profile.
    static func load(path: String) throws -> ReferenceProfile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CairnError.notFound("cannot read reference profile '\(path)'")
        }
        return try decode(data)
    }
}
