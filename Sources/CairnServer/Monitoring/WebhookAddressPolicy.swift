import CairnCore
import Foundation

/// Which addresses webhook deliveries may reach, so that a monitor's webhook URL cannot be used to make the server
/// call its own network (server-side request forgery).
///
/// By default a delivery is refused when any address its host resolves to is loopback, link-local (including the
/// cloud metadata address 169.254.169.254), private (RFC 1918, 100.64.0.0/10, fc00::/7), unspecified, multicast,
/// broadcast or reserved. The operator may allow every address (``allowPrivate``) or some hosts and networks
/// (``allowed``).
public struct WebhookAddressPolicy: Sendable, Equatable {
    /// Every address is allowed (`CAIRN_WEBHOOK_ALLOW_PRIVATE=1`).
    public var allowPrivate: Bool
    /// Host names (matched without regard to case) and networks in CIDR notation (`10.1.0.0/16`, `fd00::/8`)
    /// that may be reached even though they are internal (`CAIRN_WEBHOOK_ALLOWED_HOSTS`).
    public var allowed: [String]

    public init(allowPrivate: Bool = false, allowed: [String] = []) {
        self.allowPrivate = allowPrivate
        self.allowed = allowed
    }

    /// The policy the environment variables' values describe.
    /// - Parameters:
    ///   - allowPrivate: `CAIRN_WEBHOOK_ALLOW_PRIVATE`: `1` or `true` allows every address.
    ///   - allowedHosts: `CAIRN_WEBHOOK_ALLOWED_HOSTS`: comma-separated host names and CIDR networks.
    /// - Throws: `invalid_argument` for another value of `allowPrivate` or an entry with a `/` that is no network.
    public static func parse(allowPrivate: String?, allowedHosts: String?) throws -> WebhookAddressPolicy {
        let flag = allowPrivate?.lowercased() ?? ""
        guard ["", "0", "false", "1", "true"].contains(flag) else {
            throw CairnError.invalid("CAIRN_WEBHOOK_ALLOW_PRIVATE must be 1, true, 0 or false, not '\(allowPrivate ?? "")'")
        }
        let entries = (allowedHosts ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for entry in entries where entry.contains("/") && Network(entry) == nil {
            throw CairnError.invalid("CAIRN_WEBHOOK_ALLOWED_HOSTS: '\(entry)' is not a network such as 10.1.0.0/16 or fd00::/8")
        }
        return WebhookAddressPolicy(allowPrivate: flag == "1" || flag == "true", allowed: entries)
    }

    /// Whether `host` may be called whatever it resolves to: private addresses are allowed, or the host is listed by
    /// name.
    func allowsEveryAddress(of host: String) -> Bool {
        allowPrivate || allowed.contains { $0.caseInsensitiveCompare(host) == .orderedSame }
    }

    /// Why a delivery to `host`, which resolved to `addresses` (4 or 16 bytes each), is refused; `nil` when it may go.
    func refusal(host: String, addresses: [[UInt8]]) -> String? {
        if allowsEveryAddress(of: host) { return nil }
        if addresses.isEmpty { return "host '\(host)' has no address" }
        let networks = allowed.compactMap(Network.init)
        for address in addresses where !networks.contains(where: { $0.contains(address) }) {
            if let kind = Self.internalKind(address) {
                return "host '\(host)' resolves to \(Self.text(address)), a \(kind) address; "
                    + "allow it with CAIRN_WEBHOOK_ALLOWED_HOSTS or CAIRN_WEBHOOK_ALLOW_PRIVATE=1"
            }
        }
        return nil
    }

    /// The kind of internal address `address` is, or `nil` for a public one.
    static func internalKind(_ address: [UInt8]) -> String? {
        if address.count == 16 {
            if address.allSatisfy({ $0 == 0 }) { return "unspecified" }
            if address[0..<15].allSatisfy({ $0 == 0 }) && address[15] == 1 { return "loopback" }
            // IPv4 inside IPv6 reaches the IPv4 address: mapped (::ffff:a.b.c.d), compatible (::a.b.c.d), NAT64
            // (64:ff9b::/96, 64:ff9b:1::/48) and 6to4 (2002:a.b.c.d::/16).
            if address[0..<10].allSatisfy({ $0 == 0 }) && address[10] == 0xFF && address[11] == 0xFF {
                return internalKind(Array(address[12...]))
            }
            if address[0..<12].allSatisfy({ $0 == 0 }) { return internalKind(Array(address[12...])) }
            if address[0..<4] == [0x00, 0x64, 0xFF, 0x9B] && (address[4..<12].allSatisfy { $0 == 0 } || address[4..<6] == [0x00, 0x01]) {
                return internalKind(Array(address[12...]))
            }
            if address[0] == 0x20 && address[1] == 0x02 { return internalKind(Array(address[2..<6])) }
            if address[0] == 0xFE && address[1] & 0xC0 == 0x80 { return "link-local" }
            if address[0] == 0xFE && address[1] & 0xC0 == 0xC0 { return "private (site-local)" }
            if address[0] & 0xFE == 0xFC { return "private (unique local)" }
            if address[0] == 0xFF { return "multicast" }
            return nil
        }
        guard address.count == 4 else { return "malformed" }
        let (a, b) = (address[0], address[1])
        switch a {
        case 0: return "unspecified"
        case 127: return "loopback"
        case 10: return "private"
        case 172 where b & 0xF0 == 16: return "private"
        case 192 where b == 168: return "private"
        case 100 where b & 0xC0 == 64: return "private (shared)"
        case 169 where b == 254: return "link-local"
        case 192 where b == 0 && address[2] == 0: return "reserved (IETF protocol assignments)"
        case 192 where b == 0 && address[2] == 2, 198 where b == 51 && address[2] == 100, 203 where b == 0 && address[2] == 113:
            return "reserved (documentation)"
        case 198 where b & 0xFE == 18: return "reserved (benchmarking)"
        case 224...239: return "multicast"
        case 240...255: return address.allSatisfy { $0 == 255 } ? "broadcast" : "reserved"
        default: return nil
        }
    }

    /// The address in its usual notation.
    static func text(_ address: [UInt8]) -> String {
        if address.count == 4 { return address.map(String.init).joined(separator: ".") }
        return stride(from: 0, to: address.count, by: 2).map { String(UInt16(address[$0]) << 8 | UInt16(address[$0 + 1]), radix: 16) }
            .joined(separator: ":")
    }

    /// A network in CIDR notation (a bare address is a network of one).
    struct Network: Equatable {
        var prefix: [UInt8]
        var length: Int

        init?(_ text: String) {
            let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
            guard let first = parts.first, !first.isEmpty, let address = IPAddressText.bytes(first) else { return nil }
            guard parts.count == 1 || (!parts[1].isEmpty && parts[1].allSatisfy(\.isASCII) && parts[1].allSatisfy(\.isNumber)) else { return nil }
            let length = parts.count == 2 ? Int(parts[1]) : address.count * 8
            guard let length, (0...address.count * 8).contains(length) else { return nil }
            prefix = address
            self.length = length
        }

        func contains(_ address: [UInt8]) -> Bool {
            guard address.count == prefix.count else { return false }
            var bits = length
            for (a, p) in zip(address, prefix) where bits > 0 {
                let mask: UInt8 = bits >= 8 ? 0xFF : ~(0xFF >> UInt8(bits))
                if a & mask != p & mask { return false }
                bits -= 8
            }
            return true
        }
    }
}
