import CairnServing
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import ServiceLifecycle

/// The gRPC inference server (``InferenceGRPCService`` over HTTP/2, plaintext or TLS) as a service of the
/// process's lifecycle: it listens until graceful shutdown, beside the REST server.
public struct GRPCInferenceServer: Service {
    private let server: GRPCServer<HTTP2ServerTransport.Posix>
    private let transport: HTTP2ServerTransport.Posix

    /// A server on `host:port` (port 0 picks a free one) for the endpoints of `serving`, refusing messages larger
    /// than `maxMessageSize` bytes.
    /// - Parameter tls: PEM files of the certificate chain (leaf first) and its private key to answer over TLS with;
    ///   `nil` for plaintext. The caller checks them first: a bad file fails here only when the server starts.
    public init(
        host: String, port: Int, serving: ServingService, serverVersion: String, maxMessageSize: Int,
        tls: (certificateChainPath: String, privateKeyPath: String)? = nil
    ) {
        let address: GRPCNIOTransportCore.SocketAddress = host.contains(":") ? .ipv6(host: host, port: port) : .ipv4(host: host, port: port)
        let security: HTTP2ServerTransport.Posix.TransportSecurity = tls.map { files in
            .tls(certificateChain: [.file(path: files.certificateChainPath, format: .pem)], privateKey: .file(path: files.privateKeyPath, format: .pem))
        } ?? .plaintext
        transport = HTTP2ServerTransport.Posix(
            address: address, transportSecurity: security,
            config: .defaults { $0.rpc.maxRequestPayloadSize = maxMessageSize })
        server = GRPCServer(transport: transport, services: [InferenceGRPCService(serving: serving, serverVersion: serverVersion)])
    }

    /// The port the server listens on, once it is bound.
    /// - Throws: when the address could not be bound.
    public var listeningPort: Int {
        get async throws {
            let address = try await transport.listeningAddress
            return address.ipv4?.port ?? address.ipv6?.port ?? 0
        }
    }

    public func run() async throws {
        try await withGracefulShutdownHandler {
            try await server.serve()
        } onGracefulShutdown: {
            server.beginGracefulShutdown()
        }
    }
}
