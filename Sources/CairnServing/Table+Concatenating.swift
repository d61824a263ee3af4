import CairnCore
import CairnML

extension Table {
    /// The rows of `tables`, in order, as one table; the tables have the same columns in the same order (as
    /// ``InputTable`` builds them for one model). Categories are merged by name.
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
            switch first.columns[index].values {
            case .double: return Column(name, doubles: parts.flatMap { $0.doubles() })
            case .categorical: return Column(name, strings: parts.flatMap { $0.strings() })
            case .int: return Column(name: name, values: .int(parts.flatMap { part in part.doubles().map { $0.isNaN ? nil : Int($0) } }))
            case .bool: return Column(name: name, values: .bool(parts.flatMap { part in part.doubles().map { $0.isNaN ? nil : $0 != 0 } }))
            }
        }
        try self.init(columns)
    }
}
