import AsyncHTTPClient
import CairnMonitoring
import Foundation
import NIOCore
import Synchronization

/// Posts webhook bodies over HTTP.
///
/// It has its own client, made on the first delivery, that does not retry failed connections itself: a refused
/// connection fails the attempt at once, and ``WebhookNotifier`` decides about retries. ``shutdown()`` closes it.
final class WebhookHTTPTransport: WebhookTransport {
    /// How long one attempt may take.
    let timeout: TimeAmount
    private let client = Mutex<HTTPClient?>(nil)

    init(timeout: TimeAmount) { self.timeout = timeout }

    func post(_ body: Data, to url: String) async throws -> Int {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "User-Agent", value: "cairn-webhook")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await httpClient().execute(request, timeout: timeout)
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
            var configuration = HTTPClient.Configuration()
            configuration.connectionPool.retryConnectionEstablishment = false
            configuration.timeout.connect = .seconds(5)
            let made = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
            client = made
            return made
        }
    }
}
