// Foundation brings the C library's inet_pton and getaddrinfo.
import Foundation

/// Numeric addresses of hosts, as 4 (IPv4) or 16 (IPv6) bytes: literals parsed, names resolved.
enum IPAddressText {
    /// Resolving a host name failed (a delivery failure that is retried: DNS may recover).
    struct ResolutionError: Error, CustomStringConvertible {
        var description: String
    }

    /// The bytes of an IPv4 or IPv6 literal (an IPv6 one may be in brackets), or `nil` for anything else.
    static func bytes(_ text: String) -> [UInt8]? {
        let host = text.hasPrefix("[") && text.hasSuffix("]") ? String(text.dropFirst().dropLast()) : text
        var v4 = in_addr()
        if inet_pton(AF_INET, host, &v4) == 1 { return withUnsafeBytes(of: v4) { Array($0) } }
        var v6 = in6_addr()
        if inet_pton(AF_INET6, host, &v6) == 1 { return withUnsafeBytes(of: v6) { Array($0) } }
        return nil
    }

    /// Every address `host` resolves to (the literal itself for a numeric host); the blocking lookup runs off the
    /// concurrency pool.
    /// - Throws: ``ResolutionError`` when the name cannot be resolved.
    static func resolve(_ host: String) async throws -> [[UInt8]] {
        if let literal = bytes(host) { return [literal] }
        return try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async { continuation.resume(with: Result { try lookup(host) }) }
        }
    }

    private static func lookup(_ host: String) throws -> [[UInt8]] {
        var hints = addrinfo()
        hints.ai_family = AF_UNSPEC
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        var list: UnsafeMutablePointer<addrinfo>?
        let status = getaddrinfo(host, nil, &hints, &list)
        guard status == 0 else {
            throw ResolutionError(description: "cannot resolve host '\(host)': \(String(cString: gai_strerror(status)))")
        }
        defer { freeaddrinfo(list) }
        var addresses: [[UInt8]] = []
        var node = list
        while let info = node?.pointee {
            if info.ai_family == AF_INET, let address = info.ai_addr {
                address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { addresses.append(withUnsafeBytes(of: $0.pointee.sin_addr) { Array($0) }) }
            } else if info.ai_family == AF_INET6, let address = info.ai_addr {
                address.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { addresses.append(withUnsafeBytes(of: $0.pointee.sin6_addr) { Array($0) }) }
            }
            node = info.ai_next
        }
        return addresses
    }
}
