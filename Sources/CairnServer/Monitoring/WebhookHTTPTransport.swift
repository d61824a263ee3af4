import AsyncHTTPClient
import CairnMonitoring
import Crypto
import Foundation
import NIOCore
import Synchronization

/// Posts webhook bodies over HTTP.
///
/// It has its own client, made on the first delivery, that does not retry failed connections itself: a refused
/// connection fails the attempt at once, and ``WebhookNotifier`` decides about retries. ``shutdown()`` closes it.
/// Hosts that resolve to internal addresses are refused unless allowed (``WebhookAddressPolicy``).
/// With a secret, every request is signed: `X-Cairn-Signature-256: sha256=<hex HMAC-SHA256 of the body>`.
final class WebhookHTTPTransport: WebhookTransport {
    /// The header that carries the body's signature.
    static let signatureHeader = "X-Cairn-Signature-256"

    /// How long one attempt may take.
    let timeout: TimeAmount
    /// Which addresses deliveries may reach.
    let addresses: WebhookAddressPolicy
    private let secret: SymmetricKey?
    private let client = Mutex<HTTPClient?>(nil)

    /// - Parameters:
    ///   - addresses: which addresses deliveries may reach; by default none that is internal.
    ///   - secret: the key bodies are signed with, or `nil` to send them unsigned.
    init(timeout: TimeAmount, addresses: WebhookAddressPolicy = WebhookAddressPolicy(), secret: String? = nil) {
        self.timeout = timeout
        self.addresses = addresses
        self.secret = secret.map { SymmetricKey(data: Data($0.utf8)) }
    }

    /// The signature header's value for a body: `sha256=` and the hex HMAC-SHA256 of the body under `key`.
    static func signature(of body: Data, key: SymmetricKey) -> String {
        "sha256=" + HMAC<SHA256>.authenticationCode(for: body, using: key).map { String(format: "%02x", $0) }.joined()
    }

    /// Resolves the URL's host and refuses it when ``addresses`` does not allow every address it resolves to;
    /// then POSTs to the address that was checked (so a DNS answer that changes after the check is never used).
    /// Redirects are not followed (one could lead to an internal address). A host the policy allows whatever it
    /// resolves to is not resolved first.
    /// - Throws: ``WebhookRefused`` for a refused host; a resolution or HTTP error otherwise.
    func post(_ body: Data, to url: String) async throws -> Int {
        guard let host = URL(string: url)?.host, !host.isEmpty else { throw WebhookRefused(reason: "the URL has no host") }
        var pinned: HTTPClient?
        if !addresses.allowsEveryAddress(of: host) {
            let resolved = try await IPAddressText.resolve(host)
            if let reason = addresses.refusal(host: host, addresses: resolved) { throw WebhookRefused(reason: reason) }
            let name = host.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
            if IPAddressText.bytes(name) == nil, let address = resolved.first {
                pinned = Self.makeClient(dnsOverride: [name: WebhookAddressPolicy.text(address)])
            }
        }
        defer { if let pinned { Task { try? await pinned.shutdown() } } }
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "cairn-webhook")
        if let secret { request.headers.add(name: Self.signatureHeader, value: Self.signature(of: body, key: secret)) }
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await (pinned ?? httpClient()).execute(request, timeout: timeout)
        // Read (and drop) the answer so the connection can be reused.
        _ = try? await response.body.collect(upTo: 64 * 1024)
        return Int(response.status.code)
    }

    /// Closes the client, if one was made.
    func shutdown() async throws {
        let made = client.withLock { client in
            defer { client = nil }
            return client
        }
        try await made?.shutdown()
    }

    private func httpClient() -> HTTPClient {
        client.withLock { client in
            if let client { return client }
            let made = Self.makeClient()
            client = made
            return made
        }
    }

    /// A client that does not follow redirects and, with `dnsOverride`, connects to the given address for a host
    /// name while still naming the host (TLS SNI and certificate checks).
    private static func makeClient(dnsOverride: [String: String] = [:]) -> HTTPClient {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(5)
        configuration.redirectConfiguration = .disallow
        configuration.dnsOverride = dnsOverride
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }
}
