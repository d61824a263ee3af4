/// One result row, decoded from either database into driver-independent values by column name.
package struct SQLRow: Sendable {
    package var values: [String: SQLValue]

    package init(_ values: [String: SQLValue]) {
        self.values = values
    }

    /// The column as text, or `nil` when it is NULL or missing.
    package func text(_ column: String) -> String? {
        switch values[column] {
        case .text(let text): text
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .null, nil: nil
        }
    }

    /// The column as an integer, or `nil` when it is NULL or missing.
    package func integer(_ column: String) -> Int64? {
        switch values[column] {
        case .integer(let integer): integer
        case .real(let real): Int64(real)
        case .text(let text): Int64(text)
        case .null, nil: nil
        }
    }

    /// The column as a double, or `nil` when it is NULL or missing.
    package func real(_ column: String) -> Double? {
        switch values[column] {
        case .real(let real): real
        case .integer(let integer): Double(integer)
        case .text(let text): Double(text)
        case .null, nil: nil
        }
    }
}
