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
        guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
            throw CairnError.invalid("cannot map file '\(path)'")
        }
        populate(address, size: size)
        // Unmapping a large file takes milliseconds of page-table work that nothing waits for.
        let mapping = SharedBuffer(base: address.assumingMemoryBound(to: UInt8.self))
        defer { DispatchQueue.global(qos: .utility).async { munmap(mapping.base, size) } }
        return try body(UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size))
    }

    /// Maps the `size` bytes at `address` into the page tables before they are read, a part per core at once
    /// (`MADV_POPULATE_READ`, Linux 5.14), instead of a page fault at a time during the read or all on one thread
    /// (`MAP_POPULATE`). Only a hint: where the kernel refuses it, the pages fault in as they are read.
    private static func populate(_ address: UnsafeMutableRawPointer, size: Int) {
        #if os(Linux)
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let parts = Parallel.ranges(size / page, parts: Parallel.availableCores)
        let mapping = SharedBuffer(base: address.assumingMemoryBound(to: UInt8.self))
        Parallel.forEach(parts.count, concurrently: size >= 1 << 24) { part in
            let bytes = (part == parts.count - 1 ? size : parts[part].upperBound * page) - parts[part].lowerBound * page
            _ = madvise(mapping.base + parts[part].lowerBound * page, bytes, MADV_POPULATE_READ)
        }
        #endif
    }
}
