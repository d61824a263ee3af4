import CairnCore
import Foundation

/// Where an S3-compatible artifact store keeps its objects, and how to reach it.
///
/// Parsed from `s3://bucket/prefix?endpoint=http://127.0.0.1:9000&region=us-east-1&path_style=true`. Without an
/// endpoint, AWS's regional endpoint is used with virtual-host addressing; with one, path-style addressing is the
/// default (what MinIO, moto and most self-hosted servers expect).
public struct S3Location: Sendable, Equatable {
    public var bucket: String
    /// Key prefix under which every artifact lives, without leading or trailing slash; may be empty.
    public var prefix: String
    public var endpoint: URL
    public var region: String
    public var pathStyle: Bool

    public init(bucket: String, prefix: String, endpoint: URL, region: String, pathStyle: Bool) {
        self.bucket = bucket
        self.prefix = prefix
        self.endpoint = endpoint
        self.region = region
        self.pathStyle = pathStyle
    }

    /// Parses an `s3://` URI. - Throws: `invalidArgument` for anything else.
    public init(uri: String) throws(CairnError) {
        guard uri.hasPrefix("s3://"), let components = URLComponents(string: uri), let bucket = components.host, !bucket.isEmpty else {
            throw .invalid("Invalid S3 location '\(uri)': expected s3://bucket/prefix")
        }
        let query = Dictionary((components.queryItems ?? []).map { ($0.name, $0.value ?? "") }, uniquingKeysWith: { $1 })
        let region = query["region"] ?? "us-east-1"
        let endpointText = query["endpoint"] ?? "https://s3.\(region).amazonaws.com"
        guard let endpoint = URL(string: endpointText), endpoint.scheme == "http" || endpoint.scheme == "https", endpoint.host != nil else {
            throw .invalid("Invalid S3 endpoint '\(endpointText)'")
        }
        self.bucket = bucket
        self.prefix = components.path.split(separator: "/").joined(separator: "/")
        self.endpoint = endpoint
        self.region = region
        self.pathStyle = query["path_style"].map { $0 == "true" || $0 == "1" } ?? (query["endpoint"] != nil)
    }

    /// The URL of an object (or of the bucket when `key` is empty), with its host and canonical path.
    public func objectURL(key: String, query: [(String, String)] = []) -> (url: URL, host: String, path: String) {
        let encodedKey = key.split(separator: "/", omittingEmptySubsequences: false).map { SigV4.encode(String($0)) }.joined(separator: "/")
        var host = endpoint.host ?? ""
        var path: String
        if pathStyle {
            path = "/\(bucket)" + (key.isEmpty ? "/" : "/\(encodedKey)")
        } else {
            host = "\(bucket).\(host)"
            path = "/" + encodedKey
        }
        if let port = endpoint.port { host += ":\(port)" }
        let queryText = query.isEmpty ? "" : "?" + SigV4.canonicalQuery(query)
        return (URL(string: "\(endpoint.scheme ?? "https")://\(host)\(path)\(queryText)")!, host, path)
    }
}
