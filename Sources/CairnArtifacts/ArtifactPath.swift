import CairnCore

/// A relative path inside an artifact store, proven free of traversal.
///
/// Rejects absolute paths, `..` and `.` segments, backslashes, NUL and other control characters, so the path
/// can never name anything outside the store's root.
public struct ArtifactPath: Sendable, Hashable, CustomStringConvertible {
    /// The non-empty segments; empty for the root.
    public let segments: [String]

    /// The root of the store.
    public static let root = ArtifactPath(trusted: [])

    private init(trusted segments: [String]) { self.segments = segments }

    /// Parses a relative path. A trailing slash is ignored; the empty string is the root.
    /// - Throws: `invalidArgument` with MLflow's message `Invalid path` for anything unsafe.
    public init(_ raw: String) throws(CairnError) {
        if raw.hasPrefix("/") || raw.hasPrefix("\\") || raw.contains("\\") {
            throw .invalid("Invalid path")
        }
        if raw.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            throw .invalid("Invalid path")
        }
        let parts = raw.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.contains(where: { $0 == ".." || $0 == "." }) || (parts.first?.contains(":") ?? false) {
            throw .invalid("Invalid path")
        }
        self.segments = parts
    }

    /// The path joined with `/`.
    public var description: String { segments.joined(separator: "/") }

    /// The last segment, or the empty string for the root.
    public var name: String { segments.last ?? "" }

    /// This path with more segments appended.
    public func appending(_ other: ArtifactPath) -> ArtifactPath {
        ArtifactPath(trusted: segments + other.segments)
    }
}
