import CairnCore

/// A file or directory inside an artifact store.
public struct ArtifactFile: Sendable, Hashable {
    /// Path relative to the listed directory (its base name).
    public var path: String
    public var isDirectory: Bool
    /// Size in bytes; `nil` for directories.
    public var size: Int64?

    public init(path: String, isDirectory: Bool, size: Int64?) {
        self.path = path
        self.isDirectory = isDirectory
        self.size = size
    }
}

/// An open artifact to stream to a client.
public struct ArtifactDownload: Sendable {
    public var size: Int64
    /// The bytes, in chunks, in order.
    public var chunks: AsyncThrowingStream<[UInt8], any Error>

    public init(size: Int64, chunks: AsyncThrowingStream<[UInt8], any Error>) {
        self.size = size
        self.chunks = chunks
    }
}

/// Where artifact bytes live: a local directory now, an S3-compatible bucket later.
///
/// Paths are ``ArtifactPath`` values, already checked against traversal. Writes are atomic: a reader sees the old
/// file or the whole new one, never a partial one, and a finished write is durable.
public protocol ArtifactStore: Sendable {
    /// Stores the bytes of `chunks` at `path`, replacing any file there.
    func write<Chunks: AsyncSequence>(_ path: ArtifactPath, chunks: Chunks) async throws
    where Chunks.Element == [UInt8]

    /// Opens a file for streaming. - Throws: `notFound` when missing, `invalidArgument` for a directory.
    func read(_ path: ArtifactPath) async throws -> ArtifactDownload

    /// The entries directly under a directory, sorted by name; `nil` when `path` is not a directory.
    func list(_ path: ArtifactPath) async throws -> [ArtifactFile]?

    /// Deletes a file or a directory tree; deleting nothing is not an error.
    func delete(_ path: ArtifactPath) async throws
}
