import CairnCore
import Foundation

extension PostgresStore {
    /// Where the database is and how the pool behaves, usually parsed from a `postgres://` URL.
    public struct Configuration: Sendable, Equatable {
        public var host: String
        public var port: Int
        public var username: String
        public var password: String?
        public var database: String
        /// Most connections one process opens (the pool grows on demand up to this).
        public var maximumConnections: Int
        /// The schema the tables live in (created by the migrations), or `nil` for the server's default search path.
        public var schema: String?
        /// Longest a call waits for PostgreSQL (a connection and its statements) before failing with `unavailable`.
        public var requestTimeout: Duration
        /// Whether connections use TLS and what they verify, as libpq's `sslmode`.
        public var sslMode: SSLMode
        /// A PEM file of the certificate authorities that sign the server's certificate (libpq's `sslrootcert`);
        /// `nil` for the system's trust store. Used by `verify-ca` and `verify-full`.
        public var sslRootCertificate: String?

        /// libpq's `sslmode` values Cairn supports.
        public enum SSLMode: String, Sendable, Equatable, CaseIterable {
            /// No TLS.
            case disable
            /// TLS when the server offers it, without checking its certificate (libpq's default).
            case prefer
            /// TLS always, without checking the server's certificate.
            case require
            /// TLS always; the certificate must be signed by a trusted authority.
            case verifyCA = "verify-ca"
            /// TLS always; the certificate must be signed by a trusted authority and name the host.
            case verifyFull = "verify-full"
        }

        public init(
            host: String, port: Int = 5432, username: String, password: String? = nil, database: String,
            schema: String? = nil, maximumConnections: Int = 20, requestTimeout: Duration = .seconds(10), sslMode: SSLMode = .prefer,
            sslRootCertificate: String? = nil
        ) {
            self.schema = schema
            self.sslMode = sslMode
            self.sslRootCertificate = sslRootCertificate
            self.host = host
            self.port = port
            self.username = username
            self.password = password
            self.database = database
            self.maximumConnections = maximumConnections
            self.requestTimeout = requestTimeout
        }

        /// Parses `postgres://user:password@host:port/database` (or `postgresql://`), with optional query items
        /// `max_connections=N`, `timeout=seconds`, `schema=name`, `sslmode=disable|prefer|require|verify-ca|verify-full`
        /// and `sslrootcert=path`. User, password and database are percent-decoded.
        /// - Throws: `invalidArgument` naming what is wrong with the URL.
        public init(url: String) throws {
            guard let components = URLComponents(string: url), let scheme = components.scheme,
                ["postgres", "postgresql"].contains(scheme)
            else { throw CairnError.invalid("A PostgreSQL store URL starts with postgres:// (got '\(Self.redacted(url))')") }
            guard let host = components.host, !host.isEmpty else {
                throw CairnError.invalid("The PostgreSQL URL names no host: '\(Self.redacted(url))'")
            }
            guard let user = components.user, !user.isEmpty else {
                throw CairnError.invalid("The PostgreSQL URL names no user: '\(Self.redacted(url))'")
            }
            let database = String(components.path.drop { $0 == "/" })
            guard !database.isEmpty else { throw CairnError.invalid("The PostgreSQL URL names no database: '\(Self.redacted(url))'") }
            self.init(
                host: host, port: components.port ?? 5432, username: user.removingPercentEncoding ?? user,
                password: components.password.map { $0.removingPercentEncoding ?? $0 },
                database: database.removingPercentEncoding ?? database)
            for item in components.queryItems ?? [] {
                switch item.name {
                case "max_connections":
                    guard let value = item.value.flatMap(Int.init), value > 0 else {
                        throw CairnError.invalid("max_connections must be a positive integer")
                    }
                    maximumConnections = value
                case "timeout":
                    guard let value = item.value.flatMap(Double.init), value > 0 else {
                        throw CairnError.invalid("timeout must be a positive number of seconds")
                    }
                    requestTimeout = .milliseconds(Int64(value * 1000))
                case "schema":
                    guard let value = item.value, value.range(of: #"^[a-z_][a-z0-9_]*$"#, options: .regularExpression) != nil else {
                        throw CairnError.invalid("schema must be a lowercase SQL identifier")
                    }
                    schema = value
                case "sslmode":
                    guard let mode = item.value.flatMap(SSLMode.init(rawValue:)) else {
                        throw CairnError.invalid(
                            "sslmode must be one of \(SSLMode.allCases.map(\.rawValue).joined(separator: ", ")), not '\(item.value ?? "")'")
                    }
                    sslMode = mode
                case "sslrootcert":
                    guard let path = item.value, !path.isEmpty else { throw CairnError.invalid("sslrootcert must be a file path") }
                    guard FileManager.default.isReadableFile(atPath: path) else {
                        throw CairnError.invalid("sslrootcert '\(path)' is not a readable file")
                    }
                    sslRootCertificate = path
                default:
                    throw CairnError.invalid(
                        "Unknown PostgreSQL URL option '\(item.name)' (known: max_connections, timeout, schema, sslmode, sslrootcert)")
                }
            }
        }

        /// Whether a store location names PostgreSQL rather than a SQLite file.
        public static func isPostgresURL(_ location: String) -> Bool {
            location.hasPrefix("postgres://") || location.hasPrefix("postgresql://")
        }

        /// The URL with its password hidden, for messages and logs.
        public static func redacted(_ url: String) -> String {
            url.replacingOccurrences(of: #"(://[^:/@]*):[^@]*@"#, with: "$1:***@", options: .regularExpression)
        }
    }
}
