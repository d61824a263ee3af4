import Crypto
import Foundation
import NIOCore
import Testing

@testable import CairnServer

/// Webhook requests signed with the server's secret, so receivers can tell they come from Cairn.
struct WebhookSigningTests {
    @Test func theSignatureIsHMACSHA256OfTheBody() {
        // RFC 4231, test case 2
        let signature = WebhookHTTPTransport.signature(
            of: Data("what do ya want for nothing?".utf8), key: SymmetricKey(data: Data("Jefe".utf8)))
        #expect(signature == "sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
    }

    @Test func aSecretSignsEveryRequestAndNoSecretSignsNone() async throws {
        let body = Data(#"{"event":"opened","monitor":"churn-drift"}"#.utf8)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            // (the receiver listens on loopback, which deliveries reach only when allowed)
            let loopback = WebhookAddressPolicy(allowed: ["127.0.0.0/8"])
            let signed = WebhookHTTPTransport(timeout: .seconds(5), addresses: loopback, secret: "s3cret")
            let unsigned = WebhookHTTPTransport(timeout: .seconds(5), addresses: loopback)
            #expect(try await signed.post(body, to: url) == 200)
            #expect(try await unsigned.post(body, to: url) == 200)
            try await signed.shutdown()
            try await unsigned.shutdown()
        }
        #expect(receiver.rawBodies == [body, body])
        let expected = WebhookHTTPTransport.signature(of: body, key: SymmetricKey(data: Data("s3cret".utf8)))
        #expect(receiver.signatures == [expected, nil])
    }
}
