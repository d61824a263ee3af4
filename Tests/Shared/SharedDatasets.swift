import Foundation

/// Finds the shared data sets (`../shared/datasets/` beside the package root or an ancestor of it). This file is
/// linked into each test target that reads them.
enum SharedDatasets {
    /// The path of data set `name`, searched upwards from `directory`.
    static func path(_ name: String, from directory: URL) -> String {
        var ancestor = directory
        while ancestor.path != "/" {
            let candidate = ancestor.appendingPathComponent("shared/datasets/\(name)")
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
            ancestor.deleteLastPathComponent()
        }
        fatalError("data set \(name) not found beside any ancestor of \(directory.path)")
    }
}
