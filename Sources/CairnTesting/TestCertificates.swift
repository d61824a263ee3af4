import CairnCore
import Foundation

/// Throw-away TLS files for tests, made by `scripts/lib/test-certificates.sh` (which needs the openssl command).
public struct TestCertificates: Sendable {
    /// The directory that holds the files.
    public let directory: URL

    /// The certificate authority that signed ``serverCertificate``, for clients to trust.
    public var authority: String { directory.appendingPathComponent("ca.pem").path }
    /// The server's certificate, for `localhost` and `127.0.0.1`.
    public var serverCertificate: String { directory.appendingPathComponent("server.pem").path }
    /// The server certificate's private key.
    public var serverKey: String { directory.appendingPathComponent("server.key").path }
    /// A private key that belongs to no certificate here.
    public var unrelatedKey: String { directory.appendingPathComponent("other.key").path }

    /// Makes a new set in a temporary directory.
    /// - Throws: `internal` with the script's message when it fails.
    public static func make() throws -> TestCertificates {
        let directory = try TestStores.temporaryDirectory().appendingPathComponent("tls")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../scripts/lib/test-certificates.sh").standardized
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, directory.path]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw CairnError(.internal, "Cannot make test certificates: \(message)") }
        return TestCertificates(directory: directory)
    }
}
