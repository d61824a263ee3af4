import CairnCore

/// Translates validated search clauses and orderings into SQL conditions, for any entity table.
///
/// Each entity kind describes where its attributes, tags, params and metrics live through an ``EntitySQL``;
/// the translation itself (comparators, LIKE semantics, NULL ordering) is shared by all of them.
package struct SearchSQL {
    /// Where one searchable entity's data lives.
    package struct EntitySQL {
        /// Attribute key → a column expression (for example `run_name` → `r.name`).
        var attributes: [String: String]
        /// Attributes compared as numbers.
        var numericAttributes: Set<String>
        /// A subquery template over the entity's tags; `%@` is replaced by the key condition. `nil` if none.
        var tags: (table: String, join: String)?
        var params: (table: String, join: String)?
        /// Latest metric values: table with `key`, `value`, `is_nan`, joined to the entity.
        var metrics: (table: String, join: String)?
        var datasets: (table: String, join: String)?
        /// Attributes ordered by another expression than they are filtered by (ids compared as text, sorted as numbers).
        var orderAttributes: [String: String] = [:]
        /// Whether `tags.k != 'v'` also matches entities without tag `k` (the registry's rule).
        var notEqualMatchesMissing: Bool = false
    }

    let entity: EntitySQL
    let dialect: SQLDialect

    package init(entity: EntitySQL, dialect: SQLDialect) {
        self.entity = entity
        self.dialect = dialect
    }

    /// The conjunction of all clauses, or `1 = 1` when there are none.
    package func condition(_ clauses: [SearchClause]) throws -> SQLFragment {
        if clauses.isEmpty { return SQLFragment("1 = 1") }
        return SQLFragment.joined(try clauses.map(condition), separator: " AND ")
    }

    private func condition(_ clause: SearchClause) throws -> SQLFragment {
        switch clause.entity {
        case .attribute:
            guard let column = entity.attributes[clause.key] else {
                throw CairnError.invalid("Invalid attribute key '\(clause.key)' specified.")
            }
            let numeric = entity.numericAttributes.contains(clause.key)
            return comparison(column, clause.comparator, clause.value, numeric: numeric)
        case .metric:
            guard let metrics = entity.metrics else { throw unsupported(clause) }
            let inner = comparison("x.value", clause.comparator, clause.value, numeric: true)
            return SQLFragment(
                "EXISTS (SELECT 1 FROM \(metrics.table) x WHERE \(metrics.join) AND x.key = ? AND x.is_nan = 0 AND \(inner.sql))",
                [.text(clause.key)] + inner.arguments)
        case .tag:
            guard let tags = entity.tags else { throw unsupported(clause) }
            return keyValueCondition(tags, clause, notEqualMatchesMissing: entity.notEqualMatchesMissing)
        case .param:
            guard let params = entity.params else { throw unsupported(clause) }
            return keyValueCondition(params, clause, notEqualMatchesMissing: false)
        case .dataset:
            guard let datasets = entity.datasets else { throw unsupported(clause) }
            let inner = comparison("x.\(clause.key)", clause.comparator, clause.value, numeric: false)
            return SQLFragment("EXISTS (SELECT 1 FROM \(datasets.table) x WHERE \(datasets.join) AND \(inner.sql))", inner.arguments)
        }
    }

    private func keyValueCondition(
        _ source: (table: String, join: String), _ clause: SearchClause, notEqualMatchesMissing: Bool
    ) -> SQLFragment {
        let exists = "SELECT 1 FROM \(source.table) x WHERE \(source.join) AND x.key = ?"
        switch clause.comparator {
        case .isNull: return SQLFragment("NOT EXISTS (\(exists))", [.text(clause.key)])
        case .isNotNull: return SQLFragment("EXISTS (\(exists))", [.text(clause.key)])
        case .notEqual where notEqualMatchesMissing:
            let inner = comparison("x.value", .equal, clause.value, numeric: false)
            return SQLFragment("NOT EXISTS (\(exists) AND \(inner.sql))", [.text(clause.key)] + inner.arguments)
        default:
            let inner = comparison("x.value", clause.comparator, clause.value, numeric: false)
            return SQLFragment("EXISTS (\(exists) AND \(inner.sql))", [.text(clause.key)] + inner.arguments)
        }
    }

    private func comparison(_ column: String, _ comparator: SearchComparator, _ value: SearchValue, numeric: Bool)
        -> SQLFragment
    {
        let bound = Self.bind(value, numeric: numeric)
        switch comparator {
        case .equal, .notEqual, .greater, .greaterOrEqual, .less, .lessOrEqual:
            return SQLFragment("\(column) \(comparator.rawValue) ?", [bound])
        case .like:
            if case .string(let pattern) = value { return dialect.caseSensitiveLike(column, pattern: pattern) }
            guard case .text(let text) = bound else { return SQLFragment("0 = 1") }
            return dialect.caseSensitiveLike(column, pattern: text)
        case .ilike:
            return SQLFragment("lower(\(column)) LIKE lower(?)", [bound])
        case .in, .notIn:
            guard case .list(let items) = value else { return SQLFragment("0 = 1") }
            if items.isEmpty { return SQLFragment(comparator == .in ? "0 = 1" : "1 = 1") }
            let list = SQLFragment.list(items.map { .text($0) })
            return SQLFragment("\(column) \(comparator.rawValue) \(list.sql)", list.arguments)
        case .isNull: return SQLFragment("\(column) IS NULL")
        case .isNotNull: return SQLFragment("\(column) IS NOT NULL")
        }
    }

    /// ORDER BY terms for the orderings, each with missing values last.
    package func orderTerms(_ orders: [SearchOrder]) throws -> [SQLFragment] {
        try orders.map { order in
            let direction = order.ascending ? "ASC" : "DESC"
            let expression: SQLFragment
            switch order.entity {
            case .attribute:
                guard let column = entity.orderAttributes[order.key] ?? entity.attributes[order.key] else {
                    throw CairnError.invalid("Invalid order_by key '\(order.key)'.")
                }
                expression = SQLFragment(column)
            case .metric:
                guard let metrics = entity.metrics else { throw CairnError.invalid("Invalid order_by entity 'metrics'.") }
                expression = SQLFragment(
                    "(SELECT CASE WHEN x.is_nan = 1 THEN NULL ELSE x.value END FROM \(metrics.table) x WHERE \(metrics.join) AND x.key = ?)",
                    [.text(order.key)])
            case .tag, .param:
                guard let source = order.entity == .tag ? entity.tags : entity.params else {
                    throw CairnError.invalid("Invalid order_by entity '\(order.entity.rawValue)'.")
                }
                expression = SQLFragment("(SELECT x.value FROM \(source.table) x WHERE \(source.join) AND x.key = ?)", [.text(order.key)])
            case .dataset:
                throw CairnError.invalid("Invalid order_by entity 'dataset'.")
            }
            return SQLFragment("(\(expression.sql)) IS NULL, (\(expression.sql)) \(direction)", expression.arguments + expression.arguments)
        }
    }

    private func unsupported(_ clause: SearchClause) -> CairnError {
        CairnError.invalid("Invalid entity type '\(clause.entity.rawValue)' in filter.")
    }

    static func bind(_ value: SearchValue, numeric: Bool) -> SQLValue {
        switch value {
        case .string(let text): return numeric ? (Double(text).map(SQLValue.real) ?? .text(text)) : .text(text)
        case .number(let number):
            if numeric { return .real(number) }
            return .text(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
        case .list(let items): return .text(items.joined(separator: ","))
        case .none: return .null
        }
    }

    /// A LIKE pattern (`%`, `_`) as an equivalent case-sensitive GLOB pattern.
    static func glob(fromLike pattern: String) -> String {
        var result = ""
        for character in pattern {
            switch character {
            case "%": result += "*"
            case "_": result += "?"
            case "*": result += "[*]"
            case "?": result += "[?]"
            case "[": result += "[[]"
            default: result.append(character)
            }
        }
        return result
    }
}
