import CairnCore
import Foundation

/// A file's bytes mapped read-only into memory, without copying them, for the duration of one call.
enum MappedFile {
    /// Calls `body` with the bytes of the regular file at `path`; the buffer is valid only inside `body`.
    /// - Throws: `not_found` when the file cannot be opened or mapped; whatever `body` throws.
    static func withBytes<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CairnError.notFound("cannot read file '\(path)'") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw CairnError.notFound("cannot read file '\(path)'")
        }
        let size = Int(status.st_size)
        guard size > 0 else { return try body(UnsafeBufferPointer(start: nil, count: 0)) }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else {
            throw CairnError.notFound("cannot map file '\(path)'")
        }
        defer { munmap(address, size) }
        return try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }
}
