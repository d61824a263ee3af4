import Testing
import CairnCore

/// Shorthand for building expected clauses in search tests.
func clause(_ entity: SearchEntity, _ key: String, _ comparator: SearchComparator, _ value: SearchValue) -> SearchClause {
    SearchClause(entity: entity, key: key, comparator: comparator, value: value)
}

/// A filter and the clauses it should parse to.
struct FilterCase: Sendable, CustomTestStringConvertible {
    var filter: String
    var expected: [SearchClause]

    init(_ filter: String, _ expected: SearchClause...) {
        self.filter = filter
        self.expected = expected
    }

    var testDescription: String { filter }
}

/// A text that should be rejected, and the start of the message it should be rejected with.
struct RejectionCase: Sendable, CustomTestStringConvertible {
    var text: String
    var messagePrefix: String

    init(_ text: String, _ messagePrefix: String) {
        self.text = text
        self.messagePrefix = messagePrefix
    }

    var testDescription: String { text }
}

