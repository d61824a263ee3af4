import ArgumentParser
import CairnCore
import CairnServer
import Foundation

/// `--tls-cert` and `--tls-key` of the commands that run a server: HTTPS (and gRPC over TLS) instead of plain HTTP.
struct TLSOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: "PEM certificate chain (leaf first) to answer HTTPS and gRPC over TLS with (env CAIRN_TLS_CERT).")
    var certificate: String?

    @Option(name: .customLong("tls-key"), help: "PEM private key of the --tls-cert certificate (env CAIRN_TLS_KEY).")
    var key: String?

    /// The files these options (or the environment) name, checked to be readable, parsable and a matching pair;
    /// `nil` when neither is set.
    /// - Throws: `ValidationError` when only one is set, or a file is bad.
    func resolved(_ environment: [String: String]) throws -> ServerTLS? {
        let certificate = certificate ?? environment["CAIRN_TLS_CERT"].flatMap { $0.isEmpty ? nil : $0 }
        let key = key ?? environment["CAIRN_TLS_KEY"].flatMap { $0.isEmpty ? nil : $0 }
        switch (certificate, key) {
        case (nil, nil): return nil
        case (let certificate?, let key?):
            do {
                return try ServerTLS(certificateChainPath: certificate, privateKeyPath: key)
            } catch let error as CairnError {
                throw ValidationError(error.message)
            }
        default: throw ValidationError("--tls-cert and --tls-key go together: give both, or neither for plain HTTP.")
        }
    }
}
