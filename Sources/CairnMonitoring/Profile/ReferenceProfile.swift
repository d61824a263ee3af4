import CairnCore
import CairnML
import Foundation

/// A compact description of reference data from which drift and quality checks run without re-reading it.
///
/// Category counts are always exact. A numeric column keeps its exact distribution (distinct values with their
/// counts) up to ``maxPoints`` distinct values, so every test on it equals the test on the raw data. Above that
/// it keeps ``maxPoints`` values at evenly spaced ranks plus the exact count, mean, standard deviation and
/// distinct count: the test choice stays exact, while KS, Wasserstein and binned scores become approximations
/// (the KS statistic within about 1/``maxPoints``) and are marked `approximate` in results.
public struct ReferenceProfile: Sendable, Equatable, Codable {
    /// The format name written into every profile file.
    public static let format = "cairn.reference-profile/1"
    /// The default number of distinct values a numeric column keeps exactly.
    public static let defaultMaxPoints = 20_000

    public var format: String
    /// Rows in the reference data.
    public var rowCount: Int
    /// The cap on the points kept per numeric column.
    public var maxPoints: Int
    /// One profile per column, in the reference's column order.
    public var columns: [ColumnProfile]

    /// Profiles every column of `table`.
    /// - Throws: `invalid_argument` when the table has no rows or `maxPoints` is below 2.
    public init(_ table: Table, maxPoints: Int = ReferenceProfile.defaultMaxPoints) throws {
        guard table.rowCount > 0 else { throw CairnError.invalid("the reference data has no rows") }
        guard maxPoints >= 2 else { throw CairnError.invalid("a profile keeps at least 2 points per column") }
        format = Self.format
        rowCount = table.rowCount
        self.maxPoints = maxPoints
        columns = table.columns.map { ColumnProfile($0, maxPoints: maxPoints) }
    }

    /// The profile of the named column, or `nil`.
    public subscript(name: String) -> ColumnProfile? { columns.first { $0.name == name } }

    /// The samples the drift tests read, by column name.
    public var samples: [String: ColumnSample] {
        Dictionary(uniqueKeysWithValues: columns.map { ($0.name, $0.sample) })
    }

    /// The profile as JSON (non-finite numbers written as the strings "nan", "inf", "-inf").
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return try encoder.encode(self)
    }

    /// A profile read from JSON written by ``encoded()``.
    /// - Throws: `invalid_argument` when the data is not a Cairn reference profile.
    public static func decode(_ data: Data) throws -> ReferenceProfile {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let profile: ReferenceProfile
        do {
            profile = try decoder.decode(ReferenceProfile.self, from: data)
        } catch {
            throw CairnError.invalid("not a Cairn reference profile (format \(format))")
        }
        guard profile.format == format else {
            throw CairnError.invalid("unsupported reference profile format '\(profile.format)', expected '\(format)'")
        }
        return profile
    }
}
