import CairnCore
import Foundation

/// A file's bytes mapped read-only into memory, without copying them, for the duration of one call.
enum MappedFile {
    /// Calls `body` with the bytes of the file at `path`; the buffer is valid only inside `body`. A regular file is
    /// mapped; anything else (a pipe such as `/dev/stdin` or `<(zcat …)`, or a file that reports no size, as in
    /// `/proc`) is read to its end.
    /// - Throws: `not_found` when the file cannot be opened; `invalid_argument` when it cannot be read or mapped;
    ///   whatever `body` throws.
    static func withBytes<T>(of path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw CairnError.notFound("cannot read file '\(path)'") }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw CairnError.invalid("cannot read file '\(path)'") }
        let size = Int(status.st_size)
        guard status.st_mode & S_IFMT == S_IFREG, size > 0 else {
            let data: Data
            do {
                data = try FileHandle(fileDescriptor: descriptor, closeOnDealloc: false).readToEnd() ?? Data()
            } catch {
                throw CairnError.invalid("cannot read file '\(path)': \(error.localizedDescription)")
            }
            return try Array(data).withUnsafeBufferPointer(body)
        }
        #if os(Linux)
        let flags = MAP_PRIVATE | MAP_POPULATE
        #else
        let flags = MAP_PRIVATE
        #endif
        guard let address = mmap(nil, size, PROT_READ, flags, descriptor, 0), address != MAP_FAILED else {
            throw CairnError.invalid("cannot map file '\(path)'")
        }
        defer { munmap(address, size) }
        return try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }
}
