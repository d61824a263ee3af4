import CairnCore
import Foundation
import HummingbirdCore
import HummingbirdTLS
import NIOSSL

/// The certificate and key a server answers HTTPS (and gRPC over TLS) with: PEM files, the certificate file holding
/// the server's certificate first and then any intermediates. Made only from files that work, so a bad file stops
/// the server at start, naming it, rather than failing every handshake later.
public struct ServerTLS: Sendable {
    /// The PEM file of the certificate chain, leaf first.
    public let certificateChainPath: String
    /// The PEM file of the leaf certificate's private key (unencrypted).
    public let privateKeyPath: String
    /// The server's TLS settings from the two files.
    let configuration: TLSConfiguration

    /// Reads and checks both files: each must hold PEM content, and the key must match the certificate.
    /// - Throws: `invalidArgument` naming the file that cannot be read or holds no PEM certificate (or key), or
    ///   saying that the key does not belong to the certificate.
    public init(certificateChainPath: String, privateKeyPath: String) throws {
        let chain = try Self.read(certificateChainPath, "certificate chain", holding: "certificate") {
            try NIOSSLCertificate.fromPEMFile($0)
        }
        let key = try Self.read(privateKeyPath, "private key", holding: "private key") { try NIOSSLPrivateKey(file: $0, format: .pem) }
        let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
        do {
            _ = try NIOSSLContext(configuration: configuration)
        } catch {
            throw CairnError.invalid("The TLS private key '\(privateKeyPath)' does not belong to the certificate '\(certificateChainPath)'")
        }
        self.certificateChainPath = certificateChainPath
        self.privateKeyPath = privateKeyPath
        self.configuration = configuration
    }

    /// The two files' paths, as the gRPC server takes them.
    public var paths: (certificateChainPath: String, privateKeyPath: String) { (certificateChainPath, privateKeyPath) }

    /// Hummingbird's HTTP/1.1 server, over TLS when `tls` is given.
    static func httpServer(_ tls: ServerTLS?) throws -> HTTPServerBuilder {
        guard let tls else { return .http1() }
        return try .tls(.http1(), tlsConfiguration: tls.configuration)
    }

    /// Parses the file at `path`, the TLS `name` of a server, which must hold a PEM `content`.
    private static func read<T>(_ path: String, _ name: String, holding content: String, _ parse: (String) throws -> T) throws -> T {
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw CairnError.invalid("Cannot read the TLS \(name) '\(path)': no readable file there")
        }
        do {
            return try parse(path)
        } catch {
            throw CairnError.invalid("The TLS \(name) '\(path)' holds no PEM \(content)")
        }
    }
}
