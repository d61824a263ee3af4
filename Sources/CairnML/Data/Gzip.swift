import CZlib
import CairnCore
import Foundation

/// Decompresses gzip data (RFC 1952), including files of several concatenated members, with the system zlib.
enum Gzip {
    /// The bytes of the file at `path`, decompressed when they are gzip-compressed (by content, whatever the name).
    /// - Throws: `not_found` when the file cannot be read; `invalid_argument` for corrupt or truncated gzip data.
    static func readFile(_ path: String) throws -> [UInt8] {
        try withFileBytes(path) { Array($0) }
    }

    /// Calls `body` with the bytes of the file at `path` — mapped, or decompressed when they are gzip-compressed —
    /// valid only inside `body`.
    /// - Throws: as ``readFile(_:)``; whatever `body` throws.
    static func withFileBytes<T>(_ path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) throws -> T {
        try MappedFile.withBytes(of: path) { bytes in
            isCompressed(bytes) ? try decompress(bytes).withUnsafeBufferPointer(body) : try body(bytes)
        }
    }

    /// Whether `bytes` start with the gzip magic number.
    static func isCompressed(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { bytes.count >= 2 && bytes[0] == 0x1F && bytes[1] == 0x8B }

    /// The decompressed bytes.
    /// - Throws: `invalid_argument` for corrupt or truncated data.
    static func decompress(_ source: UnsafeBufferPointer<UInt8>) throws -> [UInt8] {
        var stream = z_stream()
        // 15 window bits plus 16: expect a gzip header.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CairnError.invalid("cannot start gzip decompression")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        output.reserveCapacity(source.count * 4)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
        stream.avail_in = UInt32(source.count)
        decoding: while true {
            let status = chunk.withUnsafeMutableBufferPointer { buffer in
                stream.next_out = buffer.baseAddress
                stream.avail_out = UInt32(buffer.count)
                return inflate(&stream, Z_NO_FLUSH)
            }
            output.append(contentsOf: chunk[0..<(chunk.count - Int(stream.avail_out))])
            switch status {
            case Z_STREAM_END:
                // Another member may follow.
                guard stream.avail_in > 0 else { break decoding }
                guard inflateReset(&stream) == Z_OK else { throw CairnError.invalid("corrupt gzip data") }
            case Z_OK:
                continue
            case Z_BUF_ERROR where stream.avail_in == 0:
                throw CairnError.invalid("truncated gzip data")
            default:
                let reason = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw CairnError.invalid("corrupt gzip data: \(reason)")
            }
        }
        return output
    }
}
