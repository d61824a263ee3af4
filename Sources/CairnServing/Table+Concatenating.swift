import CairnCore
import CairnML

extension Table {
    /// The rows of `tables`, in order, as one table; the tables have the same columns in the same order (as
    /// ``InputTable`` builds them for one model: numbers or categories). Categories are merged by name.
    /// - Throws: `invalidArgument` when the tables' columns differ.
    init(concatenating tables: [Table]) throws {
        guard let first = tables.first else {
            try self.init([])
            return
        }
        guard tables.count > 1 else {
            self = first
            return
        }
        let columns = try first.columns.indices.map { index -> Column in
            let parts = try tables.map { table -> Column in
                guard index < table.columns.count, table.columns[index].name == first.columns[index].name else {
                    throw CairnError.invalid("cannot batch tables with different columns")
                }
                return table.columns[index]
            }
            let name = first.columns[index].name
            return first.columns[index].isCategorical
                ? Column(name, strings: parts.flatMap { $0.strings() })
                : Column(name, doubles: parts.flatMap { $0.doubles() })
        }
        try self.init(columns)
    }
}
