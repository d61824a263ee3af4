/// MLflow's search filter and order_by grammar, parsed without regard to what is being searched.
///
/// Parsing checks only the shape of the text; ``SearchSchema`` then checks keys, comparators and value types
/// for one kind of search (runs, experiments, registered models, model versions, logged models).
public enum SearchGrammar {
    /// Parses a filter such as `metrics.rmse < 1 and params.model = 'tree'` into its conjunctive clauses.
    ///
    /// Identifiers are `[<entity>.]<key>`, split at the first dot, so `tags.mlflow.parentRunId` names the tag
    /// `mlflow.parentRunId`; a key with spaces is quoted with backticks or double quotes (``metrics.`my metric` ``).
    /// A key without an entity is an attribute. Keywords (`AND`, `LIKE`, `IN`, `IS NULL`, ...) are case-insensitive.
    /// - Parameter filter: The filter text; nil, empty or only whitespace means no filter.
    /// - Returns: The clauses in the order written, with keys unquoted and entity aliases resolved
    ///   (`params` becomes ``SearchEntity/param``); attribute aliases are resolved later by ``SearchSchema``.
    /// - Throws: ``CairnError`` with code `invalid_argument` for text outside the grammar (OR, parentheses,
    ///   an unterminated quote, a trailing AND, ...), an unknown entity, an unquoted string value or a bad list.
    public static func parseFilter(_ filter: String?) throws(CairnError) -> [SearchClause] {
        guard let filter else { return [] }
        return try SearchFilterParser.parse(filter)
    }

    /// Parses one order_by element, `<entity>.<key> [ASC|DESC]`, ascending when no direction is given.
    /// - Parameter clause: One element of an `order_by` list, such as `metrics.rmse DESC` or `name`.
    /// - Returns: The ordering key, with attribute aliases not yet resolved (see ``SearchSchema``).
    /// - Throws: ``CairnError`` with code `invalid_argument` when the clause is empty, has extra words, or has
    ///   a direction other than ASC or DESC.
    public static func parseOrderBy(_ clause: String) throws(CairnError) -> SearchOrder {
        let unparsable = CairnError.invalid("Invalid order_by clause '\(clause)'. Could not be parsed.")
        let tokens: [SearchToken]
        do {
            tokens = try SearchTokenizer.tokenize(clause)
        } catch {
            throw unparsable
        }
        guard let first = tokens.first, case .identifier(let parts) = first.kind, tokens.count <= 2 else {
            throw unparsable
        }
        var ascending = true
        if tokens.count == 2 {
            switch tokens[1].keyword {
            case "ASC": ascending = true
            case "DESC": ascending = false
            case .some: throw .invalid("Invalid ordering key in order_by clause '\(clause)'.")
            case nil: throw unparsable
            }
        }
        let (entity, key) = try SearchIdentifier.resolve(parts, text: first.text)
        return SearchOrder(entity: entity, key: key, ascending: ascending)
    }
}
