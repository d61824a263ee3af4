import CairnCore

/// Name, alias and tag rules of MLflow's registry.
enum RegistryValidation {
    static let maxTagKeyLength = 250
    static let maxTagValueLength = 100_000
    static let maxAliasLength = 255

    /// A registered-model name: non-blank, no `/` or `:`, a normalized path.
    static func modelName(_ name: String) throws(CairnError) {
        guard !name.allSatisfy(\.isWhitespace) else {
            throw .invalid("Missing value for required parameter 'name'.")
        }
        guard !name.contains("/"), !name.contains(":") else {
            throw .invalid("Invalid name: '\(name)'. Registered model name cannot contain '/' or ':'.")
        }
        guard name != ".", name != ".." else { throw .invalid("Invalid name: '\(name)'.") }
    }

    /// An alias: `^[\w\-]*$`, at most 255 characters, not `latest` and not `v<digits>`.
    static func alias(_ alias: String) throws(CairnError) {
        let valid = !alias.isEmpty && alias.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" || $0 == "-"
        }
        guard valid, alias.count <= maxAliasLength else {
            throw .invalid(
                "Invalid alias name: '\(alias)'. Names may only contain alphanumerics, underscores (_), and dashes (-), and must be at most \(maxAliasLength) characters.")
        }
        let lower = alias.lowercased()
        if lower == "latest" || (lower.hasPrefix("v") && lower.count > 1 && lower.dropFirst().allSatisfy(\.isNumber)) {
            throw .invalid("Version alias name '\(alias)' is reserved.")
        }
    }

    /// A tag key and value within the registry's limits.
    static func tag(_ tag: KeyValue) throws(CairnError) {
        guard !tag.key.isEmpty else { throw .invalid("Missing value for required parameter 'key'.") }
        guard tag.key.count <= maxTagKeyLength else {
            throw .invalid("Tag key '\(tag.key.prefix(32))...' had length \(tag.key.count), which exceeded length limit of \(maxTagKeyLength)")
        }
        guard tag.value.count <= maxTagValueLength else {
            throw .invalid("Tag value '\(tag.value.prefix(32))...' had length \(tag.value.count), which exceeded length limit of \(maxTagValueLength)")
        }
    }

    /// A version number given as a decimal string.
    static func version(_ text: String) throws(CairnError) -> Int {
        guard let version = Int(text), version >= 1 else {
            throw .invalid("Parameter 'version' must be an integer, got '\(text)'.")
        }
        return version
    }
}
