import CairnCore
import CairnML
import Testing

struct DataSplitTests {
    @Test func randomSplitPartitionsRowsReproducibly() throws {
        let fold = try DataSplit.random(rowCount: 100, testFraction: 0.2, seed: 7)
        #expect(fold.test.count == 20)
        #expect(Set(fold.train).union(fold.test) == Set(0..<100))
        #expect(Set(fold.train).isDisjoint(with: fold.test))
        #expect(try DataSplit.random(rowCount: 100, testFraction: 0.2, seed: 7) == fold)
        #expect(try DataSplit.random(rowCount: 100, testFraction: 0.2, seed: 8) != fold)
    }

    @Test func stratifiedSplitKeepsTheClassMix() throws {
        let labels = (0..<1_000).map { $0 % 10 == 0 ? "rare" : "common" }
        let fold = try DataSplit.stratified(labels: labels, testFraction: 0.25)
        #expect(fold.test.filter { labels[$0] == "rare" }.count == 25)
        #expect(fold.test.filter { labels[$0] == "common" }.count == 225)
    }

    @Test func kFoldHoldsOutEachRowOnce() throws {
        let folds = try DataSplit.kFold(rowCount: 103, k: 5)
        #expect(folds.count == 5)
        #expect(folds.flatMap(\.test).sorted() == Array(0..<103))
        for fold in folds { #expect(fold.train.count + fold.test.count == 103) }
    }

    @Test func stratifiedKFoldPutsEveryClassInEveryFold() throws {
        let labels = (0..<60).map { $0 % 3 }
        let folds = try DataSplit.stratifiedKFold(labels: labels, k: 4)
        #expect(folds.flatMap(\.test).sorted() == Array(0..<60))
        for fold in folds { #expect(Set(fold.test.map { labels[$0] }) == [0, 1, 2]) }
    }

    @Test func timeOrderedSplitHoldsOutTheLatestRows() throws {
        let fold = try DataSplit.timeOrdered(rowCount: 10, testFraction: 0.3)
        #expect(fold.train == Array(0..<7))
        #expect(fold.test == [7, 8, 9])
    }

    @Test func rejectsImpossibleSplits() {
        #expect(throws: CairnError.self) { try DataSplit.random(rowCount: 1, testFraction: 0.5) }
        #expect(throws: CairnError.self) { try DataSplit.random(rowCount: 10, testFraction: 1) }
        #expect(throws: CairnError.self) { try DataSplit.kFold(rowCount: 3, k: 4) }
    }
}
