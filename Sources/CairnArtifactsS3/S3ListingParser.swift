/// Reads the parts of an S3 `ListObjectsV2` answer that the artifact store needs.
struct S3Listing: Equatable {
    /// Objects: full key and size.
    var objects: [(key: String, size: Int64)]
    /// "Directories": common prefixes, each ending with the delimiter.
    var prefixes: [String]
    /// The token of the next page, if the answer was truncated.
    var continuationToken: String?

    static func == (lhs: S3Listing, rhs: S3Listing) -> Bool {
        lhs.objects.map(\.key) == rhs.objects.map(\.key) && lhs.objects.map(\.size) == rhs.objects.map(\.size)
            && lhs.prefixes == rhs.prefixes && lhs.continuationToken == rhs.continuationToken
    }

    /// Parses the XML body. Element texts are unescaped; unknown elements are ignored.
    init(xml: String) {
        objects = Self.blocks("Contents", in: xml).compactMap { block in
            guard let key = Self.text("Key", in: block) else { return nil }
            return (key, Int64(Self.text("Size", in: block) ?? "0") ?? 0)
        }
        prefixes = Self.blocks("CommonPrefixes", in: xml).compactMap { Self.text("Prefix", in: $0) }
        continuationToken = Self.text("IsTruncated", in: xml) == "true" ? Self.text("NextContinuationToken", in: xml) : nil
    }

    private static func blocks(_ name: String, in xml: String) -> [Substring] {
        var result: [Substring] = []
        var rest = xml[...]
        while let open = rest.range(of: "<\(name)>"), let close = rest[open.upperBound...].range(of: "</\(name)>") {
            result.append(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
        }
        return result
    }

    private static func text(_ name: String, in xml: some StringProtocol) -> String? {
        guard let open = xml.range(of: "<\(name)>"), let close = xml[open.upperBound...].range(of: "</\(name)>") else { return nil }
        return unescape(String(xml[open.upperBound..<close.lowerBound]))
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}
