/// The searchable keys of one kind of entity, with MLflow's rules for comparators and value types.
///
/// ``SearchGrammar`` parses text without knowing what is searched; a schema such as ``runs`` then rejects keys,
/// comparators and values that kind of search does not support, and resolves attribute aliases
/// (`created` becomes `start_time`). The predefined schemas are in `SearchSchema+Kinds.swift`.
public struct SearchSchema: Sendable {
    /// How one filterable attribute compares.
    struct Attribute: Sendable {
        /// Whether values are numbers (timestamps, version numbers) rather than quoted strings.
        var isNumeric: Bool
        var comparators: Set<SearchComparator>
        /// Whether the attribute takes a list of strings with IN and NOT IN.
        var acceptsList: Bool

        static let string = Attribute(isNumeric: false, comparators: SearchSchema.stringComparators, acceptsList: false)
        static let numeric = Attribute(isNumeric: true, comparators: SearchSchema.numericComparators, acceptsList: false)
        static func list(_ comparators: Set<SearchComparator> = SearchSchema.listComparators) -> Attribute {
            Attribute(isNumeric: false, comparators: comparators, acceptsList: true)
        }
    }

    /// Filterable attributes by canonical name.
    let attributes: [String: Attribute]
    /// Other names accepted for filterable attributes, mapped to the canonical name.
    let attributeAliases: [String: String]
    /// The comparators of each non-attribute entity allowed in filters; an entity not listed is rejected.
    let entityComparators: [SearchEntity: Set<SearchComparator>]
    /// The keys allowed after `datasets.`.
    let datasetKeys: Set<String>
    /// Orderable attributes by canonical name.
    let orderAttributes: Set<String>
    /// Other names accepted for orderable attributes, mapped to the canonical name.
    let orderAliases: [String: String]
    /// The non-attribute entities allowed in order_by (metrics, params, tags for runs).
    let orderEntities: Set<SearchEntity>

    static let numericComparators: Set<SearchComparator> = [
        .equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual,
    ]
    static let stringComparators: Set<SearchComparator> = [.equal, .notEqual, .like, .ilike]
    static let listComparators: Set<SearchComparator> = stringComparators.union([.in, .notIn])
    static let nullableStringComparators: Set<SearchComparator> = stringComparators.union([.isNull, .isNotNull])

    /// Checks filter clauses against this schema and resolves attribute aliases.
    /// - Parameter clauses: Clauses from ``SearchGrammar/parseFilter(_:)``.
    /// - Returns: The clauses in the same order, with attribute keys in canonical form.
    /// - Throws: ``CairnError`` with code `invalid_argument` and MLflow's message for an unknown attribute or
    ///   dataset key, an entity this kind does not have, a comparator the key's type does not take, or a value
    ///   of the wrong type (a quoted metric value, an unquoted parameter value, a list where none is allowed).
    public func validate(_ clauses: [SearchClause]) throws(CairnError) -> [SearchClause] {
        var result: [SearchClause] = []
        result.reserveCapacity(clauses.count)
        for clause in clauses {
            result.append(try validate(clause))
        }
        return result
    }

    /// Checks one order_by key against this schema and resolves attribute aliases.
    /// - Parameter order: A key from ``SearchGrammar/parseOrderBy(_:)``.
    /// - Returns: The key with its attribute name in canonical form (for example `timestamp` becomes
    ///   `last_updated_timestamp` for registered models).
    /// - Throws: ``CairnError`` with code `invalid_argument` for an attribute that cannot be ordered by or an
    ///   entity this kind cannot be ordered by.
    public func validate(_ order: SearchOrder) throws(CairnError) -> SearchOrder {
        guard order.entity == .attribute else {
            guard orderEntities.contains(order.entity) else {
                throw .invalid("Invalid order_by entity: \(SearchIdentifier.displayName(order.entity))")
            }
            return order
        }
        let canonical = orderAliases[order.key] ?? order.key
        guard orderAttributes.contains(canonical) else {
            let valid = Self.describe(orderAttributes.union(orderAliases.keys))
            throw .invalid("Invalid attribute key '\(order.key)' specified. Valid keys are '\(valid)'")
        }
        var resolved = order
        resolved.key = canonical
        return resolved
    }

    private func validate(_ clause: SearchClause) throws(CairnError) -> SearchClause {
        try Self.checkShape(clause)
        if clause.entity == .attribute { return try validateAttribute(clause) }
        guard let comparators = entityComparators[clause.entity] else {
            let valid = (["attribute"] + entityComparators.keys.map(SearchIdentifier.displayName)).sorted()
            throw .invalid(
                "Invalid entity type '\(SearchIdentifier.displayName(clause.entity))'. Valid entity types are "
                    + "(\(valid.map { "'\($0)'" }.joined(separator: ", ")))")
        }
        switch (clause.entity, clause.value) {
        case (.metric, .string), (.metric, .list):
            throw .invalid("Expected numeric value type for metric. Found \(Self.describe(clause.value))")
        case (.param, .number), (.param, .list), (.tag, .number), (.tag, .list):
            throw .invalid(
                "Expected a quoted string value for \(SearchIdentifier.displayName(clause.entity)) (e.g. 'my-value'). "
                    + "Got value \(Self.describe(clause.value))")
        case (.dataset, _):
            guard datasetKeys.contains(clause.key) else {
                throw .invalid("Invalid dataset key '\(clause.key)' specified. Valid keys are '\(Self.describe(datasetKeys))'")
            }
            if case .number = clause.value {
                throw .invalid(
                    "Expected a quoted string value for dataset attributes. Got value \(Self.describe(clause.value))")
            }
        default:
            break
        }
        try Self.check(clause.comparator, in: comparators)
        return clause
    }

    private func validateAttribute(_ clause: SearchClause) throws(CairnError) -> SearchClause {
        let canonical = attributeAliases[clause.key] ?? clause.key
        guard let attribute = attributes[canonical] else {
            let valid = Self.describe(Set(attributes.keys).union(attributeAliases.keys))
            throw .invalid("Invalid attribute key '\(clause.key)' specified. Valid keys are '\(valid)'")
        }
        switch clause.value {
        case .string where attribute.isNumeric, .list where attribute.isNumeric:
            throw .invalid(
                "Expected numeric value type for numeric attribute: \(clause.key). Found \(Self.describe(clause.value))")
        case .number where !attribute.isNumeric:
            throw .invalid("Expected a quoted string value for attributes. Got value \(Self.describe(clause.value))")
        case .list where !attribute.acceptsList:
            let keys = attributes.filter { $0.value.acceptsList }.keys.sorted().map { "'\($0)'" }
            let subject = keys.count == 1 ? "attribute supports" : "attributes support"
            throw .invalid(
                "Only the \(keys.joined(separator: ", ")) \(subject) comparison with a list of quoted string values.")
        default:
            break
        }
        try Self.check(clause.comparator, in: attribute.comparators)
        var resolved = clause
        resolved.key = canonical
        return resolved
    }

    /// Rejects clauses whose value does not fit the comparator, which only hand-built clauses can have.
    private static func checkShape(_ clause: SearchClause) throws(CairnError) {
        let fits: Bool
        switch (clause.comparator, clause.value) {
        case (.in, .list), (.notIn, .list), (.isNull, .none), (.isNotNull, .none): fits = true
        case (.in, _), (.notIn, _), (.isNull, _), (.isNotNull, _), (_, .list), (_, .none): fits = false
        default: fits = true
        }
        guard fits else {
            throw .invalid(
                "Invalid comparison clause. Comparator '\(clause.comparator.rawValue)' does not take the value "
                    + describe(clause.value))
        }
    }

    private static func check(_ comparator: SearchComparator, in allowed: Set<SearchComparator>) throws(CairnError) {
        guard allowed.contains(comparator) else {
            throw .invalid("Invalid comparator '\(comparator.rawValue)' not one of '\(describe(Set(allowed.map(\.rawValue))))'")
        }
    }

    /// A set of names as MLflow prints a Python set, sorted: `{'a', 'b'}`.
    static func describe(_ names: Set<String>) -> String {
        "{" + names.sorted().map { "'\($0)'" }.joined(separator: ", ") + "}"
    }

    /// A value as it would be written in a filter, for messages.
    static func describe(_ value: SearchValue) -> String {
        switch value {
        case .string(let text): "'\(text)'"
        case .number(let number):
            number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .list(let items): "(" + items.map { "'\($0)'" }.joined(separator: ", ") + ")"
        case .none: "NULL"
        }
    }
}
