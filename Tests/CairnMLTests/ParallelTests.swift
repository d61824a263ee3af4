import Foundation
import Testing

@testable import CairnML

/// The data-parallel helpers: how many cores they may use and how they cut work into parts.
struct ParallelTests {
    @Test func allowedCoresAreTheBitsOfTheStatusMask() {
        #expect(Parallel.allowedCores(status: "Name:\tcairn\nCpus_allowed:\t1\nCpus_allowed_list:\t0\n") == 1)
        #expect(Parallel.allowedCores(status: "Cpus_allowed:\t3\n") == 2)
        #expect(Parallel.allowedCores(status: "Cpus_allowed:\tff,ffffffff\n") == 40)
        #expect(Parallel.allowedCores(status: "Cpus_allowed:\t0000000a\n") == 2)
        #expect(Parallel.allowedCores(status: "Name:\tcairn\n") == nil)
        #expect(Parallel.allowedCores(status: "Cpus_allowed:\tzz\n") == nil)
    }

    @Test func availableCoresAreAtLeastOneAndAtMostTheMachines() {
        let cores = Parallel.availableCores
        #expect(cores >= 1 && cores <= ProcessInfo.processInfo.activeProcessorCount)
    }

    @Test func rangesCoverTheCountInNearlyEqualParts() {
        #expect(Parallel.ranges(10, parts: 3) == [0..<3, 3..<6, 6..<10])
        #expect(Parallel.ranges(1, parts: 2) == [0..<0, 0..<1])
        #expect(Parallel.ranges(0, parts: 1) == [0..<0])
    }
}
