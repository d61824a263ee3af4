import CairnCore
import CairnML

/// The numeric features of a batch, row-major: what the tree and matrix kernels read. `NaN` marks a missing value.
struct FeatureRows {
    /// The number of rows.
    let rowCount: Int
    /// The number of features per row.
    let width: Int
    /// `rowCount × width` values, row after row.
    let values: [Double]

    /// Reads the features named `names` from `table`: by name when every one is a column, otherwise by position
    /// when the table has exactly `names.count` columns (a CSV without the model's names).
    /// - Parameter encode: the values of a feature's column when the model encodes it (category codes), or `nil`
    ///   to read its numbers.
    /// - Throws: `not_found` naming the first absent column; `invalid_argument` when a feature column holds text the
    ///   model does not encode, and whatever `encode` throws.
    init(_ table: Table, names: [String], encode: (_ feature: Int, Column) throws -> [Double]? = { _, _ in nil }) throws {
        let columns = try Self.columns(of: table, names: names)
        rowCount = table.rowCount
        width = names.count
        var values = [Double](repeating: .nan, count: rowCount * width)
        for (feature, column) in columns.enumerated() {
            let encoded = try encode(feature, column)
            if encoded == nil, column.isCategorical {
                throw CairnError.invalid("column '\(column.name)' holds text; the model expects numbers")
            }
            for (row, value) in (encoded ?? column.doubles()).enumerated() { values[row * width + feature] = value }
        }
        self.values = values
    }

    /// The columns of `table` that feed the features `names`, in feature order.
    /// - Throws: `not_found` naming the first absent column.
    static func columns(of table: Table, names: [String]) throws -> [Column] {
        // The common case, the model's own columns in its order, costs one comparison per column.
        if table.columns.count == names.count, zip(table.columns, names).allSatisfy({ $0.name == $1 }) { return table.columns }
        if let missing = names.first(where: { table[$0] == nil }) {
            guard table.columns.count == names.count else {
                throw CairnError.notFound("the model reads a column '\(missing)' that the input lacks")
            }
            return table.columns
        }
        return try names.map { try table.column(named: $0) }
    }
}

/// Calls `body` with the index and the values of each of `rows` rows of a row-major matrix `width` values wide.
@inline(__always)
func forEachRow<T>(of values: [T], rows: Int, width: Int, _ body: (Int, UnsafeBufferPointer<T>) -> Void) {
    precondition(values.count == rows * width, "a matrix of \(rows) × \(width) needs as many values")
    values.withUnsafeBufferPointer { all in
        for row in 0..<rows { body(row, UnsafeBufferPointer(rebasing: all[row * width..<(row + 1) * width])) }
    }
}
