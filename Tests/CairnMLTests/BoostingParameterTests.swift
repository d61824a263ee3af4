import Testing

@testable import CairnML

/// Task-dependent defaults of the boosting parameters, and LightGBM's median of the absolute-error objective.
struct BoostingParameterTests {
    @Test func resolvingSettlesTheLeafBoundPerTask() {
        // Given the defaults, and parameters with an explicit bound
        let defaults = GradientBoostingParameters()
        var explicit = GradientBoostingParameters()
        explicit.maxDeltaStep = 3
        // Then multiclass trees are bounded by default, binary and regression trees are not, and a set bound stays
        #expect(defaults.maxDeltaStep == nil)
        #expect(defaults.resolved(for: .multiclass).maxDeltaStep == GradientBoostingParameters.multiclassMaxDeltaStep)
        #expect(defaults.resolved(for: .binary).maxDeltaStep == 0)
        #expect(defaults.resolved(for: .regression).maxDeltaStep == 0)
        #expect(explicit.resolved(for: .multiclass).maxDeltaStep == 3)
    }

    @Test func lightGBMMedianTakesTheUpperMiddleOrMidwayBelowIt() {
        // LightGBM: descending order, k = n / 2; even n gives the k-th largest, odd n midway to the (k+1)-th
        #expect(ColumnStatistics.lightGBMMedian([1, 2, 3, 4][...]) == 3)
        #expect(ColumnStatistics.lightGBMMedian([3, 1, 2][...]) == 2.5)
        #expect(ColumnStatistics.lightGBMMedian([5][...]) == 5)
        #expect(ColumnStatistics.lightGBMMedian([][...]) == 0)
    }
}
