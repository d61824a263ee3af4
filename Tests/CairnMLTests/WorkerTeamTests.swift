import Synchronization
import Testing

@testable import CairnML

/// The fork-join team a boosting fit shares its work with.
struct WorkerTeamTests {
    @Test(arguments: [0, 1, 2, 3, 1000])
    func runsEveryTaskOnce(count: Int) {
        // Given a team of one helper and the caller
        WorkerTeam.with(helpers: 1) { team in
            // When a job of `count` tasks runs, many times over
            for _ in 0..<50 {
                let runs = team.map(count) { $0 * 2 }
                // Then each task ran once, its result in its place
                #expect(runs == (0..<count).map { $0 * 2 })
            }
        }
    }

    @Test func runsANestedJobOnItsCaller() {
        // Given a job whose tasks submit jobs of their own
        let inner = WorkerTeam.with(helpers: 1) { team in
            team.map(4) { i in team.map(3) { j in 10 * i + j } }
        }
        // Then the inner jobs run on their callers, each task once
        #expect(inner == (0..<4).map { i in (0..<3).map { j in 10 * i + j } })
    }

    @Test func runsJobsOnTheCallerOnceEnded() {
        // Given a team kept past its end
        let team = WorkerTeam.with(helpers: 2) { $0 }
        // When a job is submitted
        let sum = Atomic<Int>(0)
        team.forEach(100) { sum.add($0, ordering: .relaxed) }
        // Then it runs in full
        #expect(sum.load(ordering: .relaxed) == 4950)
    }

    @Test(arguments: [0, 1, 4095, 4096, 10_001])
    func rangesCoverTheCountInOrder(count: Int) {
        // Given a team of three threads
        let ranges = WorkerTeam.with(helpers: 2) { $0.ranges(count, minimum: 4096) }
        // Then its ranges are consecutive, cover the count, and split it only when it is large enough
        #expect(ranges.first?.lowerBound == 0 && ranges.last?.upperBound == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(ranges.count == (count < 4096 ? 1 : 3))
    }
}
