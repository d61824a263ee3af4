/// The JSON written by `tools/fixtures/monitoring/make_fixtures.py`.
struct DriftFixture: Decodable {
    struct Selection: Decodable {
        let dataset: String
        let start: Int
        let end: Int
        let step: Int?
        let column: String?
        let equals: String?
    }

    struct ColumnResult: Decodable {
        let type: String
        let method: String?
        let score: Number?
        let threshold: Double?
        let drifted: Bool?
        let scores: [String: Number]?
        let ks_statistic: Number?
    }

    struct Scenario: Decodable {
        let name: String
        let expect_drift: Bool?
        let reference: Selection
        let current: Selection
        let columns_tested: [String]?
        let drifted_count: Int
        let share_drifted: Double
        let columns: [String: ColumnResult]
    }

    /// A sample given as values or as the generator `((i * mult) % mod) / mod * scale + shift`.
    enum Sample: Decodable {
        case values([Double])
        case generated(n: Int, mult: Int, mod: Int, scale: Double, shift: Double)

        init(from decoder: Decoder) throws {
            if let values = try? [Double](from: decoder) {
                self = .values(values)
                return
            }
            let c = try decoder.container(keyedBy: Key.self)
            self = .generated(n: try c.decode(Int.self, forKey: .n), mult: try c.decode(Int.self, forKey: .mult),
                              mod: try c.decode(Int.self, forKey: .mod), scale: try c.decode(Double.self, forKey: .scale),
                              shift: try c.decode(Double.self, forKey: .shift))
        }

        private enum Key: String, CodingKey { case n, mult, mod, scale, shift }

        var values: [Double] {
            switch self {
            case .values(let values): values
            case .generated(let n, let mult, let mod, let scale, let shift):
                (0..<n).map { Double(($0 * mult) % mod) / Double(mod) * scale + shift }
            }
        }
    }

    struct KSCase: Decodable {
        let a: Sample
        let b: Sample
        let statistic: Number
        let p_value: Number
    }

    struct Scipy: Decodable {
        let kstwo_sf: [[Number]]
        let ks_2samp: [KSCase]
        let chi2_sf: [[Number]]
    }

    /// A number that may be written as "inf", "-inf" or "nan".
    struct Number: Decodable {
        let value: Double
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let value = try? c.decode(Double.self) {
                self.value = value
            } else {
                let text = try c.decode(String.self)
                value = text == "inf" ? .infinity : text == "-inf" ? -.infinity : .nan
            }
        }
    }

    let scenarios: [Scenario]
    let scipy: Scipy
}
