import AsyncHTTPClient
import CairnCore
import CairnServer
import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Logging
import NIOSSL
import Testing

/// `--tls-cert` / `--tls-key`: the files are checked at start, and the server answers HTTPS with them.
struct ServerTLSTests {
    @Test func aMatchingPairLoadsAndEveryBadFileIsNamed() throws {
        let files = try TestCertificates.make()
        _ = try ServerTLS(certificateChainPath: files.serverCertificate, privateKeyPath: files.serverKey)

        let missing = files.directory.appendingPathComponent("absent.pem").path
        #expect(throws: CairnError.invalid("Cannot read the TLS certificate chain '\(missing)': no readable file there")) {
            try ServerTLS(certificateChainPath: missing, privateKeyPath: files.serverKey)
        }
        let garbage = files.directory.appendingPathComponent("garbage.pem")
        try Data("not a certificate".utf8).write(to: garbage)
        #expect(throws: CairnError.invalid("The TLS certificate chain '\(garbage.path)' holds no PEM certificate")) {
            try ServerTLS(certificateChainPath: garbage.path, privateKeyPath: files.serverKey)
        }
        #expect(throws: CairnError.invalid("The TLS certificate chain '\(files.serverKey)' holds no PEM certificate")) {
            try ServerTLS(certificateChainPath: files.serverKey, privateKeyPath: files.serverKey)
        }
        #expect(throws: CairnError.invalid("The TLS private key '\(garbage.path)' holds no PEM private key")) {
            try ServerTLS(certificateChainPath: files.serverCertificate, privateKeyPath: garbage.path)
        }
        #expect(throws: CairnError.invalid(
            "The TLS private key '\(files.unrelatedKey)' does not belong to the certificate '\(files.serverCertificate)'")) {
            try ServerTLS(certificateChainPath: files.serverCertificate, privateKeyPath: files.unrelatedKey)
        }
    }

    @Test func theServerAnswersHTTPSToAClientThatTrustsItsAuthorityAndOnlyThat() async throws {
        let files = try TestCertificates.make()
        let directory = try TestStores.temporaryDirectory()
        var configuration = ServerConfiguration(
            port: 0, storePath: directory.appendingPathComponent("cairn.db").path,
            artifactsPath: directory.appendingPathComponent("artifacts").path)
        configuration.tls = try ServerTLS(certificateChainPath: files.serverCertificate, privateKeyPath: files.serverKey)
        let app = try await CairnApplication.build(configuration: configuration, metrics: TestApp.metrics, logger: Logger(label: "test"))
        try await app.test(.live) { client in
            let url = "https://127.0.0.1:\(try #require(client.port))/api/2.0/mlflow/experiments/get-by-name?experiment_name=Default"
            var tls = TLSConfiguration.makeClientConfiguration()
            tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(files.authority))
            let trusting = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(tlsConfiguration: tls))
            let answer = try await trusting.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
            let body = try await answer.body.collect(upTo: 1 << 20)
            try await trusting.shutdown()
            #expect(answer.status == .ok)
            #expect(String(buffer: body).contains(#""name":"Default""#))
            // The system's trust store does not know the test authority: the handshake fails.
            // (The client retries a failed connection until the deadline, hence a short one.)
            await #expect(throws: (any Error).self) { _ = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(2)) }
        }
    }
}
