import CairnCore

/// Copies a whole artifact tree from one store to another (for `cairn migrate`), streaming each file.
public enum ArtifactCopy {
    /// Copies every file under `path` of `source` to the same path of `target`, replacing files there.
    /// - Returns: the number of files and bytes copied.
    public static func copyTree(
        from source: any ArtifactStore, to target: any ArtifactStore, under path: ArtifactPath = .root
    ) async throws -> (files: Int, bytes: Int64) {
        guard let entries = try await source.list(path) else { return (0, 0) }
        var files = 0
        var bytes: Int64 = 0
        for entry in entries {
            let child = path.appending(try ArtifactPath(entry.path))
            if entry.isDirectory {
                let copied = try await copyTree(from: source, to: target, under: child)
                files += copied.files
                bytes += copied.bytes
            } else {
                let download = try await source.read(child)
                try await target.write(child, chunks: download.chunks)
                files += 1
                bytes += download.size
            }
        }
        return (files, bytes)
    }
}
