/// MIME types for artifact downloads, guessed from the file name as MLflow does.
enum MediaTypes {
    private static let byExtension: [String: String] = [
        "txt": "text/plain", "log": "text/plain", "yaml": "text/plain", "yml": "text/plain", "md": "text/plain",
        "py": "text/plain", "csv": "text/csv", "json": "application/json", "html": "text/html", "png": "image/png",
        "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "svg": "image/svg+xml", "pdf": "application/pdf",
    ]
    private static let textFiles: Set<String> = ["MLmodel", "MLproject", "requirements.txt", "conda.yaml"]

    /// The content type to send for a file name; `application/octet-stream` when unknown.
    static func guess(_ name: String) -> String {
        if textFiles.contains(name) { return "text/plain" }
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "application/octet-stream" }
        return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
    }
}
