import Testing

@testable import CairnMonitoring

struct FiniteSortTests {
    @Test func radixSortEqualsTheStandardSortWithoutNonFiniteValues() {
        // Given 20,000 values of both signs and many magnitudes, with zeros, infinities and NaN
        var values = (0..<20_000).map { i -> Double in
            let magnitude = Double((i * 7919) % 10_007) * [1e-300, 1e-3, 1, 1e6, 1e300][i % 5]
            return i % 3 == 0 ? -magnitude : magnitude
        }
        values += [0, -0.0, .infinity, -.infinity, .nan, .leastNonzeroMagnitude, -.greatestFiniteMagnitude]

        // When they are sorted
        let sorted = FiniteSort.sorted(values)

        // Then the result is the finite values in ascending order
        #expect(sorted == values.filter(\.isFinite).sorted())
    }

    @Test func passesWhereEveryKeyHasTheSameDigitKeepTheOrder() {
        // Given columns whose keys share whole 16-bit digits: one value repeated, and small integers of one sign
        let constant = [Double](repeating: 2.5, count: 10_000)
        let integers = (0..<10_000).map { Double(($0 * 7919) % 64) }
        let negative = (0..<10_000).map { -Double(($0 * 104_729) % 5_000) - 0.5 }

        // When they are sorted, the digits that do not vary are skipped and the result is still in order
        #expect(FiniteSort.sorted(constant) == constant)
        #expect(FiniteSort.sorted(integers) == integers.sorted())
        #expect(FiniteSort.sorted(negative + [.nan]) == negative.sorted())
    }

    @Test func keysSharingTheirTopBitsAreOrderedByTheRestOfTheirBits() {
        // Given values close enough to share their top 31 key bits: in runs of about 9 (steps of 1e-7 near 1), of
        // about 95 (steps of 1e-8), and of thousands (timestamps with milliseconds), each shuffled
        let shortRuns = (0..<30_000).map { 1 + Double(($0 * 7919) % 30_000) * 1e-7 }
        let longRuns = (0..<30_000).map { 1 + Double(($0 * 7919) % 30_000) * 1e-8 }
        let timestamps = (0..<30_000).map { 1_700_000_000 + Double(($0 * 104_729) % 30_000) * 0.001 }

        // When they are sorted, each run is put in order on the remaining bits
        for values in [shortRuns, longRuns, timestamps, shortRuns + longRuns + timestamps.map { -$0 }] {
            #expect(FiniteSort.sorted(values) == values.sorted())
        }
    }
}
