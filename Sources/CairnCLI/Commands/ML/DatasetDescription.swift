import CairnAPI
import CairnML
import Crypto
import Foundation

/// How a data file is recorded as a run input: a content hash for its digest, its schema, its location.
enum DatasetDescription {
    /// The SHA-256 of a file's bytes, as lowercase hex.
    static func sha256(path: String) throws -> String {
        let handle = try FileHandle(forReadingFrom: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }

    /// The MLflow dataset entity of a table read from `path`: digest is the first 16 hex digits of its SHA-256.
    static func dataset(path: String, table: Table, sha256: String) throws -> MLflowDataset {
        let columns = table.columns.map { column -> [String: String] in
            ["name": column.name, "type": column.isCategorical ? "string" : "double"]
        }
        let schema = String(decoding: try JSONSerialization.data(withJSONObject: ["mlflow_colspec": columns], options: [.sortedKeys]), as: UTF8.self)
        let source = String(decoding: try JSONSerialization.data(withJSONObject: ["uri": URL(fileURLWithPath: path).standardizedFileURL.path]), as: UTF8.self)
        let profile = "{\"num_rows\": \(table.rowCount), \"sha256\": \"\(sha256)\"}"
        return MLflowDataset(
            name: URL(fileURLWithPath: path).lastPathComponent, digest: String(sha256.prefix(16)), source_type: "local",
            source: source, schema: schema, profile: profile)
    }
}
