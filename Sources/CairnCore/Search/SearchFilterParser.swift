/// A recursive-descent parser for MLflow's filter grammar:
///
///     filter     := clause ( AND clause )*
///     clause     := identifier ( comparison value | (LIKE | ILIKE) value
///                               | [NOT] IN list | IS [NOT] NULL )
///     value      := 'string' | "string" | number
///     list       := '(' string ( ',' string )* [','] ')'
///
/// Keywords are case-insensitive. There is no OR and there are no parentheses around clauses.
struct SearchFilterParser {
    private let source: String
    private let tokens: [SearchToken]
    private var index = 0

    private init(source: String, tokens: [SearchToken]) {
        self.source = source
        self.tokens = tokens
    }

    /// Parses a whole filter.
    /// - Throws: ``CairnError`` with code `invalid_argument` when the filter is not in the grammar.
    static func parse(_ filter: String) throws(CairnError) -> [SearchClause] {
        let tokens: [SearchToken]
        do {
            tokens = try SearchTokenizer.tokenize(filter)
        } catch {
            throw .invalid("Invalid clause(s) in filter string: \(error.reason)")
        }
        var parser = SearchFilterParser(source: filter, tokens: tokens)
        return try parser.parseFilter()
    }

    private mutating func parseFilter() throws(CairnError) -> [SearchClause] {
        guard !tokens.isEmpty else { return [] }
        var clauses = [try parseClause()]
        while let conjunction = peek() {
            guard conjunction.keyword == "AND" else { throw invalidClause(at: conjunction) }
            index += 1
            guard peek() != nil else { throw invalidClause(at: conjunction) }
            clauses.append(try parseClause())
        }
        return clauses
    }

    private mutating func parseClause() throws(CairnError) -> SearchClause {
        let start = tokens[index]
        guard case .identifier(let parts) = start.kind, !start.isReservedWord else { throw invalidClause(at: start) }
        index += 1
        let (entity, key) = try SearchIdentifier.resolve(parts, text: start.text)
        guard let operatorToken = advance() else { throw invalidClause(at: start) }
        let comparator: SearchComparator
        let value: SearchValue
        switch (operatorToken.kind, operatorToken.keyword) {
        case (.comparison(let symbol), _):
            guard let parsed = SearchComparator(rawValue: symbol) else { throw invalidClause(at: start) }
            comparator = parsed
            value = try parseScalar(for: entity, clauseStart: start)
        case (_, "LIKE"), (_, "ILIKE"):
            comparator = operatorToken.keyword == "LIKE" ? .like : .ilike
            value = try parseScalar(for: entity, clauseStart: start)
        case (_, "IN"):
            comparator = .in
            value = try parseList(clauseStart: start)
        case (_, "NOT"):
            guard advance()?.keyword == "IN" else { throw invalidClause(at: start) }
            comparator = .notIn
            value = try parseList(clauseStart: start)
        case (_, "IS"):
            var negated = false
            if peek()?.keyword == "NOT" {
                negated = true
                index += 1
            }
            guard advance()?.keyword == "NULL" else { throw invalidClause(at: start) }
            comparator = negated ? .isNotNull : .isNull
            value = .none
        default:
            throw invalidClause(at: start)
        }
        return SearchClause(entity: entity, key: key, comparator: comparator, value: value)
    }

    /// Parses a string or number on the right of a comparison.
    private mutating func parseScalar(for entity: SearchEntity, clauseStart: SearchToken) throws(CairnError) -> SearchValue {
        guard let token = advance() else { throw invalidClause(at: clauseStart) }
        switch token.kind {
        case .string(let text):
            return .string(text)
        case .number(let number):
            return .number(number)
        case .identifier:
            if let content = token.doubleQuotedContent { return .string(content) }
            if entity == .metric {
                throw .invalid("Expected numeric value type for metric. Found \(token.text)")
            }
            throw .invalid(
                "Parameter value is either not quoted or unidentified quote types used for string value \(token.text). "
                    + "Use either single or double quotes.")
        case .comparison, .leftParenthesis, .rightParenthesis, .comma:
            throw invalidClause(at: clauseStart)
        }
    }

    /// Parses a parenthesised, comma-separated list of quoted strings for IN and NOT IN.
    private mutating func parseList(clauseStart: SearchToken) throws(CairnError) -> SearchValue {
        guard let open = advance(), open.kind == .leftParenthesis else { throw invalidClause(at: clauseStart) }
        var items: [String] = []
        while true {
            guard let token = advance() else { throw illFormedList() }
            switch token.kind {
            case .rightParenthesis:
                guard !items.isEmpty else {
                    throw .invalid(
                        "While parsing a list in the query, expected a non-empty list of string values, but got empty list")
                }
                return .list(items)
            case .string(let text):
                items.append(text)
            case .identifier where token.doubleQuotedContent != nil:
                items.append(token.doubleQuotedContent ?? "")
            default:
                throw .invalid(
                    "While parsing a list in the query, expected string value, punctuation, or whitespace, "
                        + "but got different type in list: \(listText(from: open))")
            }
            guard let separator = advance() else { throw illFormedList() }
            if separator.kind == .rightParenthesis { return .list(items) }
            guard separator.kind == .comma else { throw illFormedList() }
        }
    }

    private func peek() -> SearchToken? {
        index < tokens.count ? tokens[index] : nil
    }

    private mutating func advance() -> SearchToken? {
        defer { index += 1 }
        return peek()
    }

    /// The error for text outside the grammar, quoting the filter from the offending token onwards.
    private func invalidClause(at token: SearchToken) -> CairnError {
        let rest = SearchTokenizer.trimmed(String(Array(source).dropFirst(token.offset)))
        return .invalid("Invalid clause(s) in filter string: '\(rest)'")
    }

    private func illFormedList() -> CairnError {
        .invalid("While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list.")
    }

    /// The text of a list from its opening parenthesis to its closing one (or the end of the filter).
    private func listText(from open: SearchToken) -> String {
        let close = tokens.dropFirst(index).first { $0.kind == .rightParenthesis }
        let end = close.map { $0.offset + 1 } ?? source.count
        return String(Array(source)[open.offset..<end])
    }
}
