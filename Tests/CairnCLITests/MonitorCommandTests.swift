import ArgumentParser
import CairnMonitoring
import CairnTesting
import Foundation
import Testing

@testable import CairnCLI

/// `cairn monitor profile`, `drift` and `report` on generated files where one column moved.
struct MonitorCommandTests {
    /// Reference and current CSV files of 2,000 rows: `moved` shifts by half its range, `steady` and `colour` keep
    /// their distributions.
    private func writeFiles(_ directory: URL) throws -> (reference: String, current: String) {
        func file(_ name: String, shift: Double) throws -> String {
            var lines = ["moved,steady,colour"]
            for row in 0..<2_000 {
                let moved = Double(row * 37 % 1000) / 1000 + shift
                let steady = Double(row * 91 % 1000) / 1000
                lines.append("\(moved),\(steady),\(["red", "green", "blue"][row % 3])")
            }
            let path = directory.appendingPathComponent(name).path
            try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return path
        }
        return (try file("reference.csv", shift: 0), try file("current.csv", shift: 0.5))
    }

    @Test func aRegisteredModelsTrainingDataIsProfiledUntilTheFileChanges() async throws {
        // Given a model trained on the reference file and registered, in a local store
        let directory = try TestStores.temporaryDirectory()
        let (reference, _) = try writeFiles(directory)
        let local = ["--store", directory.appendingPathComponent("cairn.db").path, "--artifacts", directory.appendingPathComponent("artifacts").path]
        try await runCairn(
            ["train", "--data", reference, "--target", "colour", "--model", "linear", "--register", "shop",
             "--output", directory.appendingPathComponent("m.cairn").path] + local)
        // When its training data is profiled through the registry
        let profilePath = directory.appendingPathComponent("training.profile.json").path
        try await runCairn(["monitor", "profile", "--model", "models:/shop/1", "--output", profilePath] + local)
        // Then the profile is the training file's
        let profile = try ReferenceProfile.load(path: profilePath)
        #expect(profile.rowCount == 2_000 && profile.columns.map(\.name) == ["moved", "steady", "colour"])
        // And once the file changes it is refused rather than profiled as if it were the training data
        try "0.5,0.5,red\n".data(using: .utf8).map { data in
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: reference))
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: data)
        }
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["monitor", "profile", "--model", "models:/shop/1", "--output", profilePath] + local)
        }
        // And a version that does not exist is not found
        await #expect(throws: ExitCode(3)) {
            try await runCairn(["monitor", "profile", "--model", "models:/shop/7", "--output", profilePath] + local)
        }
    }

    @Test func profileIsWrittenAndDriftRunsFromTheFileOrTheProfile() async throws {
        // Given a reference and a current file, and the reference's profile
        let directory = try TestStores.temporaryDirectory()
        let (reference, current) = try writeFiles(directory)
        let profilePath = directory.appendingPathComponent("ref.profile.json").path
        try await runCairn(["monitor", "profile", "--data", reference, "--output", profilePath])
        let profile = try ReferenceProfile.load(path: profilePath)
        #expect(profile.rowCount == 2_000 && profile.columns.map(\.name) == ["moved", "steady", "colour"])

        // When drift runs from the file and from the profile
        try await runCairn(["monitor", "drift", "--reference", reference, "--current", current, "--json"])
        try await runCairn(["monitor", "drift", "--reference", profilePath, "--current", current, "--columns", "moved,colour"])
    }

    @Test func driftJSONHasTheDocumentedShapeWithNulls() throws {
        // Given a drift report on the files' tables
        let directory = try TestStores.temporaryDirectory()
        let (reference, current) = try writeFiles(directory)
        let options = try DataOptions.parse([])
        let report = try DriftDetector.run(reference: try options.read(reference), current: try options.read(current))

        // When it is encoded as the command prints it
        let object = try JSONSerialization.jsonObject(with: try JSONEncoder().encode(DriftJSON(report))) as! [String: Any]

        // Then it has the documented keys, the moved column drifted, and distances have a null p-value
        let columns = try #require(object["columns"] as? [String: [String: Any]])
        let moved = try #require(columns["moved"])
        #expect(moved["test"] as? String == "wasserstein")
        #expect(moved["drifted"] as? Bool == true)
        #expect(moved["p_value"] is NSNull)
        #expect(moved["threshold"] as? Double == 0.1)
        #expect(columns["steady"]?["drifted"] as? Bool == false)
        #expect(object["share_drifted"] as? Double == 1.0 / 3.0)
        #expect(object["dataset_drift"] as? Bool == false)
    }

    @Test func reportWritesSelfContainedHTML() async throws {
        let directory = try TestStores.temporaryDirectory()
        let (reference, current) = try writeFiles(directory)
        let html = directory.appendingPathComponent("report.html").path

        try await runCairn(["monitor", "report", "--reference", reference, "--current", current, "--output", html])

        let page = try String(contentsOfFile: html, encoding: .utf8)
        #expect(page.contains("<svg") && page.contains("moved") && page.contains("Data quality"))
        #expect(!page.contains("<script"))
    }

    @Test func badInputExitsWithCodeTwo() async throws {
        let directory = try TestStores.temporaryDirectory()
        let (reference, current) = try writeFiles(directory)
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["monitor", "drift", "--reference", reference, "--current", current, "--columns", "nope"])
        }
        let notAProfile = directory.appendingPathComponent("x.json").path
        try Data("[1, 2]".utf8).write(to: URL(fileURLWithPath: notAProfile))
        await #expect(throws: ExitCode(2)) {
            try await runCairn(["monitor", "drift", "--reference", notAProfile, "--current", current])
        }
    }
}
