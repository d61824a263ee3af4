/// One named column of a ``Table``: numbers, integers, booleans or dictionary-encoded categories.
///
/// Missing values are part of every kind: `NaN` in a number column, `nil` in an integer or boolean column,
/// and the code `-1` in a categorical column.
public struct Column: Sendable, Equatable, Codable {
    /// The values of a column, by kind.
    public enum Values: Sendable, Equatable, Codable {
        /// Floating-point numbers; `NaN` marks a missing value.
        case double([Double])
        /// Whole numbers; `nil` marks a missing value.
        case int([Int?])
        /// Booleans; `nil` marks a missing value.
        case bool([Bool?])
        /// Dictionary-encoded categories: each code indexes `levels`; `-1` marks a missing value.
        case categorical(codes: [Int32], levels: [String])
    }

    /// The column's name, unique within its table.
    public var name: String
    /// The column's values.
    public var values: Values

    /// Makes a column from its name and values.
    public init(name: String, values: Values) {
        self.name = name
        self.values = values
    }

    /// Makes a number column.
    public init(_ name: String, doubles: [Double]) { self.init(name: name, values: .double(doubles)) }

    /// Makes a categorical column from strings, with levels in order of first appearance; `nil` is missing.
    public init(_ name: String, strings: [String?]) {
        var index: [String: Int32] = [:]
        var levels: [String] = []
        let codes = strings.map { value -> Int32 in
            guard let value else { return -1 }
            if let code = index[value] { return code }
            let code = Int32(levels.count)
            index[value] = code
            levels.append(value)
            return code
        }
        self.init(name: name, values: .categorical(codes: codes, levels: levels))
    }

    /// The number of rows.
    public var count: Int {
        switch values {
        case .double(let v): v.count
        case .int(let v): v.count
        case .bool(let v): v.count
        case .categorical(let codes, _): codes.count
        }
    }

    /// Whether the column holds categories rather than numbers.
    public var isCategorical: Bool {
        if case .categorical = values { return true }
        return false
    }

    /// The category names of a categorical column, or an empty array for other kinds.
    public var levels: [String] {
        if case .categorical(_, let levels) = values { return levels }
        return []
    }

    /// Every value as a `Double`: numbers as is, integers converted, booleans as 0 or 1, categories as their
    /// code; missing values become `NaN`.
    public func doubles() -> [Double] {
        switch values {
        case .double(let v): v
        case .int(let v): v.map { $0.map(Double.init) ?? .nan }
        case .bool(let v): v.map { $0.map { $0 ? 1 : 0 } ?? .nan }
        case .categorical(let codes, _): codes.map { $0 < 0 ? .nan : Double($0) }
        }
    }

    /// Every value as text (numbers in Swift's shortest round-trip form); missing values become `nil`.
    public func strings() -> [String?] {
        switch values {
        case .double(let v): v.map { $0.isNaN ? nil : $0.description }
        case .int(let v): v.map { $0.map(String.init) }
        case .bool(let v): v.map { $0.map(String.init) }
        case .categorical(let codes, let levels): codes.map { $0 < 0 ? nil : levels[Int($0)] }
        }
    }

    /// The number of missing values.
    public var missingCount: Int {
        switch values {
        case .double(let v): v.reduce(0) { $0 + ($1.isNaN ? 1 : 0) }
        case .int(let v): v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        case .bool(let v): v.reduce(0) { $0 + ($1 == nil ? 1 : 0) }
        case .categorical(let codes, _): codes.reduce(0) { $0 + ($1 < 0 ? 1 : 0) }
        }
    }

    /// The rows at `indices`, in that order (indices may repeat).
    public func selecting(_ indices: [Int]) -> Column {
        switch values {
        case .double(let v): Column(name: name, values: .double(indices.map { v[$0] }))
        case .int(let v): Column(name: name, values: .int(indices.map { v[$0] }))
        case .bool(let v): Column(name: name, values: .bool(indices.map { v[$0] }))
        case .categorical(let codes, let levels):
            Column(name: name, values: .categorical(codes: indices.map { codes[$0] }, levels: levels))
        }
    }
}
