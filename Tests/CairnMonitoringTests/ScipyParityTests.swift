import Testing

@testable import CairnMonitoring

/// The p-value machinery equals scipy's on edge cases: every branch of `kstwo.sf`, exact and asymptotic
/// `ks_2samp`, and `chi2.sf`.
struct ScipyParityTests {
    static let scipy = try? MonitoringTestData.fixture().scipy

    private func close(_ a: Double, _ b: Double) -> Bool {
        if a.isNaN || b.isNaN { return a.isNaN && b.isNaN }
        return abs(a - b) <= 1e-9
    }

    @Test func kolmogorovSurvivalMatchesKstwo() throws {
        let cases = try #require(Self.scipy).kstwo_sf
        for row in cases {
            let (n, x, expected) = (Int(row[0].value), row[1].value, row[2].value)
            let value = Kolmogorov.survival(n: n, x: x)
            #expect(close(value, expected), "kstwo.sf(\(x), \(n)) = \(expected), got \(value)")
        }
    }

    @Test func twoSampleTestMatchesKs2samp() throws {
        for example in try #require(Self.scipy).ks_2samp {
            let result = try #require(KolmogorovSmirnov.test(NumericSample(example.a.values), NumericSample(example.b.values)))
            #expect(close(result.statistic, example.statistic.value), "D \(result.statistic) vs \(example.statistic.value)")
            #expect(close(result.pValue, example.p_value.value), "p \(result.pValue) vs \(example.p_value.value)")
        }
    }

    @Test func chiSquaredSurvivalMatchesChi2() throws {
        for row in try #require(Self.scipy).chi2_sf {
            let value = Distributions.chiSquaredSurvival(row[0].value, degrees: row[1].value)
            #expect(close(value, row[2].value), "chi2.sf(\(row[0].value), \(row[1].value)) = \(row[2].value), got \(value)")
        }
    }
}
