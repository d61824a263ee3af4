import CairnCore

/// Validation rules for names and values, with MLflow's messages.
enum Validation {
    /// Keys of params, metrics and tags: at most 250 characters of `[/\w.\- :]`, and a normalized relative path.
    static func entityKey(_ key: String, kind: String) throws(CairnError) {
        let allowed = key.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isAlphabetic || scalar.properties.numericType != nil || "_-. :/".unicodeScalars.contains(scalar)
        }
        guard allowed else {
            throw .invalid(
                "Invalid \(kind) name: '\(key)'. Names may only contain alphanumerics, underscores (_), dashes (-), "
                    + "periods (.), spaces ( ), colons(:) and slashes (/).")
        }
        guard isNormalizedRelativePath(key) else {
            throw .invalid("Invalid \(kind) name: '\(key)'. Names cannot contain '..' or start with '/', and must be a normalized path.")
        }
        guard key.count <= TrackingLimits.maxEntityKeyLength else {
            throw .invalid("\(kind.capitalizedFirst) name '\(key.prefix(32))...' had length \(key.count), which exceeded length limit of \(TrackingLimits.maxEntityKeyLength)")
        }
    }

    /// Whether `path` equals its own POSIX normalization and is relative (empty counts as valid).
    static func isNormalizedRelativePath(_ path: String) -> Bool {
        if path.isEmpty { return true }
        if path.hasPrefix("/") || path.hasSuffix("/") || path == "." { return false }
        return path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { $0 != "." && $0 != ".." && !$0.isEmpty }
    }

    /// A value within a length limit.
    static func length(_ value: String, max: Int, what: String) throws(CairnError) {
        let count = value.count
        guard count <= max else {
            throw .invalid("\(what) '\(value.prefix(32))...' had length \(count), which exceeded length limit of \(max)")
        }
    }

    /// An experiment name: non-blank and at most 500 characters.
    static func experimentName(_ name: String) throws(CairnError) {
        guard !name.allSatisfy(\.isWhitespace) else { throw .invalid("Invalid experiment name: '\(name)'") }
        try length(name, max: TrackingLimits.maxExperimentNameLength, what: "Experiment name")
    }

    /// A run id as MLflow accepts it: `^[a-zA-Z0-9][\w\-]{0,255}$`.
    static func runID(_ id: String) throws(CairnError) {
        guard let first = id.unicodeScalars.first, first.isASCIIAlphanumeric, id.unicodeScalars.count <= 256,
            id.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "_" || $0 == "-" })
        else { throw .invalid("Invalid value \"\(id)\" for parameter 'run_id' supplied") }
    }

    /// An experiment id: a string of decimal digits.
    static func experimentID(_ id: String) throws(CairnError) {
        guard !id.isEmpty, id.utf8.count <= 18, id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw .invalid("Invalid value \"\(id)\" for parameter 'experiment_id' supplied")
        }
    }
}

extension Unicode.Scalar {
    var isASCIIAlphanumeric: Bool {
        (value >= 48 && value <= 57) || (value >= 65 && value <= 90) || (value >= 97 && value <= 122)
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
