import CairnCore

/// A length of time written as a number and a unit (`30s`, `15m`, `1h`, `7d`), held in milliseconds.
public struct TimeWindow: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The length in milliseconds, at least one second.
    public let milliseconds: Int64

    /// Parses `<n>s`, `<n>m`, `<n>h` or `<n>d`.
    /// - Throws: `invalid_argument` for another form, zero, or more than 366 days.
    public init(_ text: String) throws {
        let units: [Character: Int64] = ["s": 1_000, "m": 60_000, "h": 3_600_000, "d": 86_400_000]
        guard let unit = text.last, let scale = units[unit], let count = Int64(text.dropLast()), count > 0, count <= 366 * 86_400_000 / scale
        else {
            throw CairnError.invalid("Invalid window '\(text)': expected a positive number and a unit s, m, h or d (e.g. 1h), at most 366d")
        }
        milliseconds = count * scale
    }

    /// The text it was written as, in the largest unit that divides it (`90m` stays `90m`, `60m` is `1h`).
    public var description: String {
        for (unit, scale) in [("d", Int64(86_400_000)), ("h", 3_600_000), ("m", 60_000)] where milliseconds % scale == 0 {
            return "\(milliseconds / scale)\(unit)"
        }
        return "\(milliseconds / 1_000)s"
    }

    /// The start of the window (aligned to multiples of the length since the epoch) that holds `time`.
    public func start(containing time: Int64) -> Int64 {
        let remainder = time % milliseconds
        return time - (remainder < 0 ? remainder + milliseconds : remainder)
    }

    public init(from decoder: any Decoder) throws { try self.init(try decoder.singleValueContainer().decode(String.self)) }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
