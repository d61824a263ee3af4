import AsyncHTTPClient
import CairnCore
import Foundation
import NIOCore
import NIOHTTP1
import NIOSSL

/// One HTTP exchange of the CLI with a server, through AsyncHTTPClient's event loop: the process sleeps while the
/// server works, where Foundation's `URLSession` on Linux kept a core busy polling for the whole wait (which, on a
/// small machine, slowed the very server it waited for).
enum HTTPTransfer {
    /// How long one exchange may take: a monitor run or a large upload can take minutes.
    static let timeout = TimeAmount.hours(1)

    /// The environment variable naming a PEM file of the certificate authorities that HTTPS servers are verified
    /// against instead of the system's (for a server whose certificate a private CA signed), as
    /// `MLFLOW_TRACKING_SERVER_CERT_PATH` is for MLflow's client.
    static let trustedCertificatesVariable = "CAIRN_TRACKING_SERVER_CERT_PATH"

    /// The client of every exchange. A server that cannot be reached fails the command at once (the library's
    /// default retries the connection until the exchange's timeout, an hour), and HTTPS servers are verified
    /// against the certificates the environment names, if any.
    private static let client: Result<HTTPClient, CairnError> = {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.timeout.connect = .seconds(10)
        if let path = ProcessInfo.processInfo.environment[trustedCertificatesVariable], !path.isEmpty {
            do {
                var tls = TLSConfiguration.makeClientConfiguration()
                tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(path))
                configuration.tlsConfiguration = tls
            } catch {
                return .failure(CairnError.invalid("Cannot read the certificates \(trustedCertificatesVariable) names ('\(path)'): \(error)"))
            }
        }
        // Lives as long as the process, as the library's shared client does.
        return .success(HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration))
    }()

    /// Sends `body` (if any) with `method` to `url` and returns the answer's status and whole body.
    /// - Throws: `invalidArgument` when the trusted certificates cannot be read; the client's error when the server
    ///   cannot be reached or the exchange times out.
    static func send(_ method: String, to url: URL, contentType: String? = nil, body: Data? = nil) async throws -> (status: Int, body: Data) {
        let client = try client.get()
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        if let contentType { request.headers.add(name: "Content-Type", value: contentType) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let response = try await client.execute(request, timeout: timeout)
        let buffer = try await response.body.collect(upTo: Int.max)
        return (Int(response.status.code), Data(buffer.readableBytesView))
    }

    /// Why an exchange failed, in words: the system's message for a socket error ("Connection refused"), or what
    /// to do about a certificate the client does not trust.
    static func reason(_ error: any Error) -> String {
        if let error = error as? IOError { return String(cString: strerror(error.errnoCode)) }
        if let error = error as? NIOSSLError, case .handshakeFailed = error {
            return "the TLS handshake failed (\(error)); if a private authority signed the server's certificate, "
                + "name its PEM file in \(trustedCertificatesVariable)"
        }
        return String(describing: error)
    }
}
