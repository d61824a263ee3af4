/// One lexical token of a search filter or order_by clause.
struct SearchToken: Sendable, Equatable {
    /// One piece of an identifier: bare text such as `mlflow.parentRunId`, or a segment quoted with backticks
    /// or double quotes, held without its quotes.
    enum Part: Sendable, Equatable {
        case bare(String)
        case quoted(String, quote: Character)
    }

    enum Kind: Sendable, Equatable {
        /// Adjacent bare and quoted parts with no whitespace between them, for example ``metrics.`my metric` ``.
        case identifier([Part])
        /// A single-quoted string literal, without its quotes.
        case string(String)
        case number(Double)
        /// One of `=`, `!=`, `>`, `>=`, `<`, `<=`.
        case comparison(String)
        case leftParenthesis
        case rightParenthesis
        case comma
    }

    var kind: Kind
    /// The token's text exactly as written, quotes included.
    var text: String
    /// The offset, in characters, of the token's first character in the source.
    var offset: Int

    /// The keyword this token spells (upper-cased) when it is a single bare word such as `and` or `NOT`.
    var keyword: String? {
        guard case .identifier(let parts) = kind, parts.count == 1, case .bare(let word) = parts[0],
            !word.contains(".")
        else { return nil }
        return word.uppercased()
    }

    /// Whether the token is one of the grammar's reserved words, which cannot start an identifier.
    var isReservedWord: Bool {
        guard let keyword else { return false }
        return Self.reservedWords.contains(keyword)
    }

    /// The content of a value written in double quotes, which MLflow accepts as a string value.
    var doubleQuotedContent: String? {
        guard case .identifier(let parts) = kind, parts.count == 1, case .quoted(let content, "\"") = parts[0] else {
            return nil
        }
        return content
    }

    static let reservedWords: Set<String> = ["AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE"]
}
