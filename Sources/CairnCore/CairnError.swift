/// The one error type every Cairn library throws.
///
/// The code is an extensible struct rather than an enum, so adding a code breaks no `switch` in callers.
/// Adapters translate codes to wire statuses (HTTP in the server, exit codes in the CLI); the message is shown
/// to users as is, so it must be precise and must not leak internals such as SQL text.
public struct CairnError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable machine-readable name such as `invalid_argument`.
        public let name: String

        public init(_ name: String) { self.name = name }

        public var description: String { name }

        /// The caller sent something invalid: a malformed value, a broken rule, a bad filter.
        public static let invalidArgument = Code("invalid_argument")
        /// The named thing does not exist.
        public static let notFound = Code("not_found")
        /// Creating something whose name or id is already taken.
        public static let alreadyExists = Code("already_exists")
        /// The target exists but is in a state that forbids the operation (for example renaming a deleted experiment).
        public static let invalidState = Code("invalid_state")
        /// A concurrent change won; retrying may succeed.
        public static let conflict = Code("conflict")
        /// The request was too large.
        public static let tooLarge = Code("too_large")
        /// A backing service (database, object store) is unavailable for now.
        public static let unavailable = Code("unavailable")
        /// The operation is not supported by this backend or configuration.
        public static let notImplemented = Code("not_implemented")
        /// A bug or an unexpected failure inside Cairn.
        public static let `internal` = Code("internal")
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { "\(code): \(message)" }

    /// A shorthand for ``Code/invalidArgument``.
    public static func invalid(_ message: String) -> CairnError { CairnError(.invalidArgument, message) }
    /// A shorthand for ``Code/notFound``.
    public static func notFound(_ message: String) -> CairnError { CairnError(.notFound, message) }
    /// A shorthand for ``Code/alreadyExists``.
    public static func alreadyExists(_ message: String) -> CairnError { CairnError(.alreadyExists, message) }
}
