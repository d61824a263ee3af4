/// The kind of thing a search clause or ordering key refers to, as in MLflow's `metrics.x`, `params.y`, `tags.z`.
public enum SearchEntity: String, Sendable, Hashable {
    case metric, param, tag, attribute, dataset
}

/// A comparison operator of MLflow's search grammar.
public enum SearchComparator: String, Sendable, Hashable {
    case equal = "="
    case notEqual = "!="
    case greater = ">"
    case greaterOrEqual = ">="
    case less = "<"
    case lessOrEqual = "<="
    /// SQL LIKE with `%` and `_` wildcards, case-sensitive.
    case like = "LIKE"
    /// SQL LIKE, case-insensitive.
    case ilike = "ILIKE"
    case `in` = "IN"
    case notIn = "NOT IN"
    case isNull = "IS NULL"
    case isNotNull = "IS NOT NULL"
}

/// The right-hand side of a search clause.
public enum SearchValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case list([String])
    /// No value: the comparator is `IS NULL` or `IS NOT NULL`.
    case none
}

/// One `<entity>.<key> <comparator> <value>` term of a conjunctive filter.
public struct SearchClause: Sendable, Hashable {
    public var entity: SearchEntity
    /// The key with any quoting removed, and attribute aliases resolved to their canonical name
    /// (for example `created` becomes `start_time`).
    public var key: String
    public var comparator: SearchComparator
    public var value: SearchValue

    public init(entity: SearchEntity, key: String, comparator: SearchComparator, value: SearchValue) {
        self.entity = entity
        self.key = key
        self.comparator = comparator
        self.value = value
    }
}

/// One ordering key: `<entity>.<key> [ASC|DESC]`.
public struct SearchOrder: Sendable, Hashable {
    public var entity: SearchEntity
    public var key: String
    public var ascending: Bool

    public init(entity: SearchEntity, key: String, ascending: Bool) {
        self.entity = entity
        self.key = key
        self.ascending = ascending
    }
}
