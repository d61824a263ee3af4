import Foundation

/// One page of results and the token that fetches the next one, if any.
public struct Page<Element: Sendable>: Sendable {
    public var items: [Element]
    /// Opaque token for the next page; `nil` on the last page.
    public var nextPageToken: String?

    public init(items: [Element], nextPageToken: String?) {
        self.items = items
        self.nextPageToken = nextPageToken
    }
}

/// Offset-based page tokens in MLflow's format: base64 of the JSON object `{"offset": N}`.
public enum PageToken {
    /// Encodes an offset as a token.
    public static func encode(offset: Int) -> String {
        Data("{\"offset\": \(offset)}".utf8).base64EncodedString()
    }

    /// Decodes a token into an offset; `nil` or empty means the first page.
    /// - Throws: ``CairnError/Code/invalidArgument`` with MLflow's message for anything that is not a valid token.
    public static func decode(_ token: String?) throws(CairnError) -> Int {
        guard let token, !token.isEmpty else { return 0 }
        guard let data = Data(base64Encoded: token),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let offset = object["offset"] as? Int, offset >= 0
        else {
            throw .invalid("Invalid page token, could not base64-decode")
        }
        return offset
    }

    /// Builds a page from rows fetched with `limit + 1`: the extra row only signals that more exist.
    public static func page<T>(_ rows: [T], offset: Int, limit: Int) -> Page<T> {
        if rows.count > limit {
            return Page(items: Array(rows.prefix(limit)), nextPageToken: encode(offset: offset + limit))
        }
        return Page(items: rows, nextPageToken: nil)
    }
}
