import Testing

@testable import CairnMonitoring

struct DriftMethodTests {
    @Test func automaticChoiceFollowsEvidentlyDefaults() {
        #expect(DriftMethod.automatic(type: .numerical, referenceCount: 1000, distinctValues: 6) == .ks)
        #expect(DriftMethod.automatic(type: .numerical, referenceCount: 1000, distinctValues: 5) == .chisquare)
        #expect(DriftMethod.automatic(type: .numerical, referenceCount: 1000, distinctValues: 2) == .z)
        #expect(DriftMethod.automatic(type: .numerical, referenceCount: 1001, distinctValues: 6) == .wasserstein)
        #expect(DriftMethod.automatic(type: .numerical, referenceCount: 1001, distinctValues: 5) == .jensenshannon)
        #expect(DriftMethod.automatic(type: .categorical, referenceCount: 1000, distinctValues: 3) == .chisquare)
        #expect(DriftMethod.automatic(type: .categorical, referenceCount: 1000, distinctValues: 2) == .z)
        #expect(DriftMethod.automatic(type: .categorical, referenceCount: 5000, distinctValues: 40) == .jensenshannon)
    }

    @Test func thresholdsCompareOnTheDocumentedSide() {
        #expect(DriftMethod.ks.isDrift(score: 0.05, threshold: 0.05))
        #expect(!DriftMethod.chisquare.isDrift(score: 0.05, threshold: 0.05))
        #expect(!DriftMethod.z.isDrift(score: 0.05, threshold: 0.05))
        #expect(DriftMethod.wasserstein.isDrift(score: 0.1, threshold: 0.1))
        #expect(!DriftMethod.psi.isDrift(score: 0.099, threshold: 0.1))
    }
}
