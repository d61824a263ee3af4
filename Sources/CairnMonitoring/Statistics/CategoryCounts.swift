import CairnML

/// One category value: numbers and text are kept apart, so `1` read as an integer and `1.0` read as a number
/// are the same category (as they are in pandas), while the text `"1"` is another.
public enum CategoryKey: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    case number(Double)
    case text(String)

    /// Numbers sort before text; numbers by value, text by Unicode scalars (Python's `sorted`).
    public static func < (a: CategoryKey, b: CategoryKey) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x < y
        case (.text(let x), .text(let y)): x.unicodeScalars.lexicographicallyPrecedes(y.unicodeScalars)
        case (.number, .text): true
        case (.text, .number): false
        }
    }

    public var description: String {
        switch self {
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .text(let value): value
        }
    }
}

extension CategoryKey {
    /// A number is written as a JSON number, text as a JSON string.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .number(try container.decode(Double.self))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let value): try container.encode(value)
        case .text(let value): try container.encode(value)
        }
    }
}

/// How often each category occurs among a column's present values.
public struct CategoryCounts: Sendable, Equatable, Codable {
    /// Rows per category.
    public let counts: [CategoryKey: Double]
    /// The number of present rows.
    public let total: Double

    /// The counts from their parts.
    public init(counts: [CategoryKey: Double]) {
        self.counts = counts
        self.total = counts.values.reduce(0, +)
    }

    /// The categories of a column's present values; NaN and ±infinity are missing, as in Evidently.
    public init(_ column: Column) {
        var counts: [CategoryKey: Double] = [:]
        switch column.values {
        case .categorical(let codes, let levels):
            var perCode = [Double](repeating: 0, count: levels.count)
            for code in codes where code >= 0 { perCode[Int(code)] += 1 }
            for (code, count) in perCode.enumerated() where count > 0 { counts[.text(levels[code]), default: 0] += count }
        case .double, .int, .bool:
            for value in column.doubles() where value.isFinite { counts[.number(value), default: 0] += 1 }
        }
        self.init(counts: counts)
    }

    private enum CodingKeys: String, CodingKey { case values, counts }

    /// Written as two parallel arrays in ascending value order.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let values = try container.decode([CategoryKey].self, forKey: .values)
        let counts = try container.decode([Double].self, forKey: .counts)
        guard values.count == counts.count else {
            throw DecodingError.dataCorruptedError(forKey: .counts, in: container, debugDescription: "values and counts differ in length")
        }
        self.init(counts: Dictionary(zip(values, counts), uniquingKeysWith: +))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let keys = counts.keys.sorted()
        try container.encode(keys, forKey: .values)
        try container.encode(keys.map { counts[$0]! }, forKey: .counts)
    }

    /// Whether no value is present.
    public var isEmpty: Bool { total == 0 }
}
