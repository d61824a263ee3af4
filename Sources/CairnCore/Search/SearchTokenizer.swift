/// Splits a search filter or order_by clause into ``SearchToken``s.
///
/// Quoted text may contain the other kind of quote freely; the same quote is written doubled (`'it''s'`) or
/// escaped with a backslash (`'it\'s'`), and either form stands for one quote character.
struct SearchTokenizer {
    /// Why the text could not be split into tokens.
    struct Failure: Error, Sendable, Equatable {
        /// A description of the problem, naming the offending text.
        var reason: String
    }

    let source: [Character]
    private var position = 0

    init(_ text: String) {
        self.source = Array(text)
    }

    /// Returns every token of the source, in order.
    /// - Throws: ``Failure`` for an unterminated quote or a character outside the grammar.
    static func tokenize(_ text: String) throws(Failure) -> [SearchToken] {
        var tokenizer = SearchTokenizer(text)
        var tokens: [SearchToken] = []
        while let token = try tokenizer.next() {
            tokens.append(token)
        }
        return tokens
    }

    /// The source text from `start` up to (not including) `end`, or to its end.
    func text(from start: Int, to end: Int? = nil) -> String {
        String(source[start..<(end ?? source.count)])
    }

    private mutating func next() throws(Failure) -> SearchToken? {
        while position < source.count, source[position].isWhitespace { position += 1 }
        guard position < source.count else { return nil }
        let start = position
        let character = source[position]
        let kind: SearchToken.Kind
        switch character {
        case "(":
            position += 1
            kind = .leftParenthesis
        case ")":
            position += 1
            kind = .rightParenthesis
        case ",":
            position += 1
            kind = .comma
        case "'":
            kind = .string(try quoted())
        case "=", "!", "<", ">":
            kind = .comparison(try comparison())
        default:
            if let number = number() {
                kind = .number(number)
            } else if Self.isIdentifierCharacter(character) || character == "`" || character == "\"" {
                kind = .identifier(try identifier())
            } else {
                throw Failure(reason: "unexpected character '\(character)' at '\(text(from: start))'")
            }
        }
        return SearchToken(kind: kind, text: text(from: start, to: position), offset: start)
    }

    private mutating func comparison() throws(Failure) -> String {
        let first = source[position]
        position += 1
        if position < source.count, source[position] == "=" {
            position += 1
            return "\(first)="
        }
        guard first != "!" else { throw Failure(reason: "unexpected character '!' at '\(text(from: position - 1))'") }
        return String(first)
    }

    /// Reads a number such as `1`, `-2.5`, `.5` or `1e-3`; returns nil, consuming nothing, when none starts here
    /// or when letters follow the digits (then the text is an identifier such as `1abc`).
    private mutating func number() -> Double? {
        var end = position
        if end < source.count, source[end] == "-" || source[end] == "+" { end += 1 }
        let mantissaStart = end
        while end < source.count, source[end].isASCII, source[end].isNumber { end += 1 }
        var digits = end - mantissaStart
        if end < source.count, source[end] == "." {
            end += 1
            let fractionStart = end
            while end < source.count, source[end].isASCII, source[end].isNumber { end += 1 }
            digits += end - fractionStart
        }
        guard digits > 0 else { return nil }
        if end < source.count, source[end] == "e" || source[end] == "E" {
            var exponentEnd = end + 1
            if exponentEnd < source.count, source[exponentEnd] == "-" || source[exponentEnd] == "+" { exponentEnd += 1 }
            let exponentDigits = exponentEnd
            while exponentEnd < source.count, source[exponentEnd].isASCII, source[exponentEnd].isNumber { exponentEnd += 1 }
            if exponentEnd > exponentDigits { end = exponentEnd }
        }
        if end < source.count, Self.isIdentifierCharacter(source[end]) || source[end] == "`" || source[end] == "\"" {
            return nil
        }
        guard let value = Double(String(source[position..<end])) else { return nil }
        position = end
        return value
    }

    /// Reads adjacent bare words and backtick- or double-quoted segments as one identifier.
    private mutating func identifier() throws(Failure) -> [SearchToken.Part] {
        var parts: [SearchToken.Part] = []
        while position < source.count {
            let character = source[position]
            if character == "`" || character == "\"" {
                parts.append(.quoted(try quoted(), quote: character))
            } else if Self.isIdentifierCharacter(character) {
                let start = position
                while position < source.count, Self.isIdentifierCharacter(source[position]) { position += 1 }
                parts.append(.bare(text(from: start, to: position)))
            } else {
                break
            }
        }
        return parts
    }

    /// Reads a quoted segment starting at the opening quote and returns its content with escapes resolved.
    private mutating func quoted() throws(Failure) -> String {
        let start = position
        let quote = source[position]
        position += 1
        var content = ""
        while position < source.count {
            let character = source[position]
            if character == "\\", position + 1 < source.count, source[position + 1] == quote {
                content.append(quote)
                position += 2
            } else if character == quote {
                if position + 1 < source.count, source[position + 1] == quote {
                    content.append(quote)
                    position += 2
                } else {
                    position += 1
                    return content
                }
            } else {
                content.append(character)
                position += 1
            }
        }
        throw Failure(reason: "unterminated quote at '\(text(from: start))'")
    }

    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first?.isWhitespace == true { slice = slice.dropFirst() }
        while slice.last?.isWhitespace == true { slice = slice.dropLast() }
        return String(slice)
    }

    private static func isIdentifierCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_" || character == "."
    }
}
