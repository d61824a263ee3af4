import Foundation

/// Generators for the identifier formats Cairn shares with MLflow.
public enum Identifiers {
    /// 32 lowercase hexadecimal characters from a random UUID (the run id format).
    public static func hex32() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }

    /// A logged-model id: `m-` followed by 32 hexadecimal characters.
    public static func loggedModelID() -> String { "m-" + hex32() }
}
