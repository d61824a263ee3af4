import CairnCore
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Artifacts in a directory on the local file system.
public struct LocalArtifactStore: ArtifactStore {
    /// The directory that holds everything; created if missing.
    public let root: URL
    private let chunkSize = 256 * 1024

    public init(root: URL) throws {
        self.root = root.standardizedFileURL
        try FileManager.default.createDirectory(at: self.root, withIntermediateDirectories: true)
    }

    private func url(_ path: ArtifactPath) -> URL {
        path.segments.reduce(root) { $0.appendingPathComponent($1, isDirectory: false) }
    }

    public func write<Chunks: AsyncSequence>(_ path: ArtifactPath, chunks: Chunks) async throws
    where Chunks.Element == [UInt8] {
        guard !path.segments.isEmpty else { throw CairnError.invalid("Invalid path: an artifact path must name a file") }
        let target = url(path)
        let directory = target.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CairnError.invalid("Invalid path: '\(path)' is a directory")
        }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).part")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CairnError(.internal, "Cannot create a file for artifact '\(path)'")
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            defer { try? handle.close() }
            for try await chunk in chunks { try handle.write(contentsOf: chunk) }
            try handle.synchronize()
            guard rename(temporary.path, target.path) == 0 else {
                throw CairnError(.internal, "Cannot move artifact '\(path)' into place (errno \(errno))")
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    public func read(_ path: ArtifactPath) async throws -> ArtifactDownload {
        let target = url(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: target.path, isDirectory: &isDirectory) else {
            throw CairnError.notFound("File \(path) not found")
        }
        guard !isDirectory.boolValue else { throw CairnError.invalid("Invalid path: '\(path)' is a directory") }
        let handle = try FileHandle(forReadingFrom: target)
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 0)
        let chunkSize = self.chunkSize
        let stream = AsyncThrowingStream<[UInt8], any Error> { continuation in
            do {
                while let data = try handle.read(upToCount: chunkSize), !data.isEmpty {
                    continuation.yield([UInt8](data))
                }
                continuation.finish()
            } catch {
                continuation.finish(throwing: error)
            }
            try? handle.close()
        }
        return ArtifactDownload(size: Int64(size), chunks: stream)
    }

    public func list(_ path: ArtifactPath) async throws -> [ArtifactFile]? {
        let directory = url(path)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        return try names.filter { !($0.hasPrefix(".") && $0.hasSuffix(".part")) }.sorted().map { name in
            let attributes = try FileManager.default.attributesOfItem(atPath: directory.appendingPathComponent(name).path)
            let isDir = (attributes[.type] as? FileAttributeType) == .typeDirectory
            return ArtifactFile(path: name, isDirectory: isDir, size: isDir ? nil : (attributes[.size] as? NSNumber)?.int64Value)
        }
    }

    public func delete(_ path: ArtifactPath) async throws {
        let target = url(path)
        if FileManager.default.fileExists(atPath: target.path) { try FileManager.default.removeItem(at: target) }
    }
}
