import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Synchronization

/// A real HTTP server on a loopback port that records the JSON bodies POSTed to `/hook`, and their signature headers.
final class WebhookReceiver: Sendable {
    private let received = Mutex<[Data]>([])
    private let signatureHeaders = Mutex<[String?]>([])

    /// The raw bodies received so far.
    var rawBodies: [Data] { received.withLock { $0 } }

    /// The `X-Cairn-Signature-256` header of each request received so far.
    var signatures: [String?] { signatureHeaders.withLock { $0 } }

    /// The bodies received so far, as JSON objects.
    var bodies: [[String: Any]] {
        received.withLock { $0 }.map { (try? JSONSerialization.jsonObject(with: $0)) as? [String: Any] ?? [:] }
    }

    /// Runs `body` while the receiver listens; `body` gets its URL.
    func run(_ body: @escaping @Sendable (String) async throws -> Void) async throws {
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let data = try await request.body.collect(upTo: 1 << 20)
            let body = Data(buffer: data)
            self.received.withLock { $0.append(body) }
            self.signatureHeaders.withLock { $0.append(request.headers[HTTPField.Name("X-Cairn-Signature-256")!]) }
            return .ok
        }
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            try await body("http://127.0.0.1:\(client.port!)/hook")
        }
    }

    /// Waits (up to about 20 s) until `condition` holds for the received bodies.
    func wait(until condition: ([[String: Any]]) -> Bool) async throws -> [[String: Any]] {
        for _ in 0..<400 {
            let bodies = self.bodies
            if condition(bodies) { return bodies }
            try await Task.sleep(for: .milliseconds(50))
        }
        return bodies
    }
}
