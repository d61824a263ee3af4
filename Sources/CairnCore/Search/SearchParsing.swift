/// Parsing of whole search requests: a list of order_by strings validated against a schema.
public enum SearchParsing {
    /// Parses and validates each order_by element, rejecting a key given twice.
    /// - Throws: `invalidArgument` for a malformed, unknown or repeated key.
    public static func orderBy(_ clauses: [String], schema: SearchSchema) throws -> [SearchOrder] {
        var seen = Set<String>()
        var orders: [SearchOrder] = []
        for clause in clauses where !clause.allSatisfy(\.isWhitespace) {
            let order = try schema.validate(SearchGrammar.parseOrderBy(clause))
            guard seen.insert("\(order.entity.rawValue).\(order.key)").inserted else {
                throw CairnError.invalid("`order_by` contains duplicate fields: \(clauses)")
            }
            orders.append(order)
        }
        return orders
    }
}
