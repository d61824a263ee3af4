import CairnCore
import CairnRegistry
import CairnTracking

/// The WHERE and ORDER BY of every search, built once for both adapters: filters, view types and the fixed
/// tie-breaks that make paging stable.
package struct SearchQueries: Sendable {
    /// A search's condition and ordering; the adapter adds `LIMIT limit + 1 OFFSET offset`.
    package struct Parts: Sendable {
        package var condition: SQLFragment
        package var orderBy: SQLFragment
    }

    let dialect: SQLDialect

    package init(dialect: SQLDialect) {
        self.dialect = dialect
    }

    /// Experiments in the query's view, newest first unless ordered by creation time, then by id.
    package func experiments(_ query: EntityQuery) throws -> Parts {
        let search = SearchSQL(entity: Entities.experiment, dialect: dialect)
        var condition = try search.condition(query.filter)
        let stages = query.viewType.stages.map { SQLValue.text($0.rawValue) }
        condition.append(SQLFragment("e.lifecycle_stage IN \(SQLFragment.list(stages).sql)", stages), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        if !query.orderBy.contains(where: { $0.key == "creation_time" }) { order.append(SQLFragment("e.creation_time DESC")) }
        order.append(SQLFragment("e.experiment_id ASC"))
        return Parts(condition: condition, orderBy: SQLFragment.joined(order, separator: ", "))
    }

    /// Runs of the query's experiments and view; tie-break `start_time DESC, run_id ASC`.
    package func runs(_ query: RunQuery) throws -> Parts {
        let search = SearchSQL(entity: Entities.run, dialect: dialect)
        let experiments = query.experimentIDs.map { SQLValue.integer(Int64($0) ?? -1) }
        var condition = SQLFragment("r.experiment_id IN \(SQLFragment.list(experiments).sql)", experiments)
        let stages = query.viewType.stages.map { SQLValue.text($0.rawValue) }
        condition.append(SQLFragment("r.lifecycle_stage IN \(SQLFragment.list(stages).sql)", stages), separator: " AND ")
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        if !query.orderBy.contains(where: { $0.entity == .attribute && $0.key == "start_time" }) {
            order.append(SQLFragment("r.start_time DESC"))
        }
        order.append(SQLFragment("r.run_id ASC"))
        return Parts(condition: condition, orderBy: SQLFragment.joined(order, separator: ", "))
    }

    /// Logged models that are not deleted, of the query's experiments if it names any; newest first.
    package func loggedModels(_ query: EntityQuery) throws -> Parts {
        let search = SearchSQL(entity: Entities.loggedModel, dialect: dialect)
        let experiments = query.experimentIDs.map { SQLValue.integer(Int64($0) ?? -1) }
        var condition = SQLFragment("m.deleted = 0")
        if !experiments.isEmpty {
            condition.append(SQLFragment("m.experiment_id IN \(SQLFragment.list(experiments).sql)", experiments), separator: " AND ")
        }
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("m.creation_timestamp DESC, m.model_id ASC"))
        return Parts(condition: condition, orderBy: SQLFragment.joined(order, separator: ", "))
    }

    /// Registered models; tie-break by name.
    package func registeredModels(_ query: RegistryQuery) throws -> Parts {
        let search = SearchSQL(entity: Entities.registeredModel, dialect: dialect)
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("rm.name ASC"))
        return Parts(condition: try search.condition(query.filter), orderBy: SQLFragment.joined(order, separator: ", "))
    }

    /// Model versions that are not deleted; tie-break by name, then newest version first.
    package func modelVersions(_ query: RegistryQuery) throws -> Parts {
        let search = SearchSQL(entity: Entities.modelVersion, dialect: dialect)
        var condition = SQLFragment("mv.deleted = 0")
        condition.append(try search.condition(query.filter), separator: " AND ")
        var order = try search.orderTerms(query.orderBy)
        order.append(SQLFragment("mv.name ASC, mv.version DESC"))
        return Parts(condition: condition, orderBy: SQLFragment.joined(order, separator: ", "))
    }
}
