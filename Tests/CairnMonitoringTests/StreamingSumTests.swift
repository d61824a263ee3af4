import Testing

@testable import CairnMonitoring

struct StreamingSumTests {
    @Test func sumsAsAccuratelyAsPairwiseSummation() {
        for count in [0, 1, 7, 128, 129, 1_000, 100_003] {
            // Given terms of mixed magnitudes, whose naive running sum loses digits
            let terms = (0..<count).map { (i: Int) -> Double in
                let small: Double = Double((i * 7919) % 1_000) * 0.1
                return small + (i % 3 == 0 ? 1e6 : 1e-6)
            }

            // When they are streamed one by one
            var sum = StreamingSum()
            for term in terms { sum.add(term) }

            // Then the total equals their pairwise sum, to rounding
            let pairwise = NumericSample.pairwiseSum(terms[...])
            #expect(abs(sum.total - pairwise) <= 1e-15 * Swift.max(abs(pairwise), 1), "\(count) terms")
        }
    }

    @Test func wholeNumbersSumExactly() {
        var sum = StreamingSum()
        for i in 1...300_000 { sum.add(Double(i)) }
        #expect(sum.total == 300_000 * 300_001 / 2)
    }
}
