import Foundation
import Synchronization

/// A fork-join team for one computation: the calling thread and helper threads that live until
/// ``with(helpers:_:)`` returns, so that work of a few microseconds can be shared without waking threads for it.
///
/// Between jobs the helpers keep checking for one for half a millisecond, then sleep. A job's caller never waits for
/// a helper to wake: it takes the tasks no helper has taken itself, and waits only for the tasks helpers have started.
/// A job submitted while another runs (from one of its tasks, or from another thread) or after the team has ended
/// runs on its caller alone.
final class WorkerTeam: @unchecked Sendable {
    // `@unchecked Sendable`: every stored property is an atomic, a mutex, a semaphore or immutable.

    /// The job being shared, `body(i)` for `i` in `0..<count`, and its number; a helper reads it once per job.
    private struct Job {
        var generation = 0
        var body: (@Sendable (Int) -> Void)?
        var count = 0
    }

    private let job = Mutex(Job())
    /// The current job's number (high 32 bits) and its next task not yet taken (low 32 bits): tasks are taken by
    /// compare-and-swap without a lock, and never from a job other than the one the taker read.
    private let cursor = Atomic<Int>(0)
    /// Tasks of the current job taken but not finished, or not yet taken.
    private let pending = Atomic<Int>(0)
    /// Whether a job is running (or the team has ended).
    private let busy = Atomic<Bool>(false)
    private let stopping = Atomic<Bool>(false)
    /// Helpers about to sleep or asleep on `wakeUp`; a job signals it once for each.
    private let sleepers = Atomic<Int>(0)
    private let wakeUp = DispatchSemaphore(value: 0)

    /// How long an idle helper checks for a job before it sleeps, in nanoseconds: longer than the serial steps
    /// between the jobs of a fit. It yields its core between checks, so a thread of the team that shares the core
    /// (other processes holding the other) is not slowed down by the wait.
    private static let idleNanoseconds: UInt64 = 500_000

    /// How long a job's caller waits for the helpers' tasks before it yields its core, in nanoseconds.
    private static let taskNanoseconds: UInt64 = 200_000

    /// The caller and the helpers.
    private let threads: Int

    private init(threads: Int) {
        self.threads = threads
    }

    /// Calls `body` with a team of `helpers` threads besides the caller (by default one fewer than the cores) and
    /// ends the threads when it returns.
    static func with<R>(helpers: Int = Parallel.availableCores - 1, _ body: (WorkerTeam) throws -> R) rethrows -> R {
        let team = WorkerTeam(threads: max(0, helpers) + 1)
        let ended = DispatchGroup()
        for _ in 0..<max(0, helpers) {
            ended.enter()
            Thread {
                team.help()
                ended.leave()
            }.start()
        }
        defer {
            team.stopping.store(true, ordering: .sequentiallyConsistent)
            // Busy for good: later jobs run on their callers.
            while !team.busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged {}
            for _ in 0..<max(0, helpers) { team.wakeUp.signal() }
            ended.wait()
        }
        return try body(team)
    }

    /// `body(i)` for every `i` in `0..<count`, spread over the team; `body` must only write state no other task
    /// touches.
    func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard count > 1, busy.compareExchange(expected: false, desired: true, ordering: .acquiring).exchanged else {
            for i in 0..<count { body(i) }
            return
        }
        // Only the busy flag's holder publishes: the number is not raced.
        let generation = (cursor.load(ordering: .relaxed) >> 32) + 1
        pending.store(count, ordering: .relaxed)
        // The number first: a helper that reads the job before it is replaced sees an older number and reads it again.
        cursor.store(generation << 32, ordering: .sequentiallyConsistent)
        job.withLock { $0 = Job(generation: generation, body: body, count: count) }
        for _ in 0..<sleepers.exchange(0, ordering: .sequentiallyConsistent) { wakeUp.signal() }
        work(generation, body, count)
        // Tasks take microseconds: yielding the core at once could hand it to another process for milliseconds.
        // Only a helper that seems preempted mid-task (other processes on the cores) is given the core back.
        let waitSince = DispatchTime.now().uptimeNanoseconds
        while pending.load(ordering: .acquiring) > 0 {
            if DispatchTime.now().uptimeNanoseconds - waitSince > Self.taskNanoseconds { sched_yield() }
        }
        job.withLock { $0.body = nil }
        busy.store(false, ordering: .releasing)
    }

    /// Consecutive ranges that cover `0..<count`: one per thread of the team, or a single one when `count` is under
    /// `minimum` (too little work to share).
    func ranges(_ count: Int, minimum: Int) -> [Range<Int>] {
        Parallel.ranges(count, parts: count < minimum ? 1 : threads)
    }

    /// `body(range)` for each of ``ranges(_:minimum:)``, concurrently.
    func forEachRange(_ count: Int, minimum: Int = 4096, _ body: @escaping @Sendable (Range<Int>) -> Void) {
        let parts = ranges(count, minimum: minimum)
        forEach(parts.count) { body(parts[$0]) }
    }

    /// `body(i)` for every `i` in `0..<count`, computed by the team, in index order.
    func map<T>(_ count: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each task initializes a distinct element.
            let slots = SharedBuffer(base: buffer.baseAddress!)
            forEach(count) { (slots.base + $0).initialize(to: body($0)) }
            initialized = count
        }
    }

    /// Runs tasks of job `generation` until none is left to take (or another job has replaced it).
    private func work(_ generation: Int, _ body: @Sendable (Int) -> Void, _ count: Int) {
        var current = cursor.load(ordering: .relaxed)
        while current >> 32 == generation, current & 0xFFFF_FFFF < count {
            let (taken, found) = cursor.compareExchange(expected: current, desired: current + 1, ordering: .relaxed)
            if taken {
                body(current & 0xFFFF_FFFF)
                pending.subtract(1, ordering: .releasing)
                current = cursor.load(ordering: .relaxed)
            } else {
                current = found
            }
        }
    }

    /// A helper's life: wait for a job, share it, until the team ends.
    private func help() {
        var seen = 0
        while true {
            var idleSince = DispatchTime.now().uptimeNanoseconds
            while cursor.load(ordering: .relaxed) >> 32 == seen, !stopping.load(ordering: .relaxed) {
                sched_yield()
                guard DispatchTime.now().uptimeNanoseconds - idleSince > Self.idleNanoseconds else { continue }
                // A job published after this check signals: the wait ends at once. One published between the
                // increment and the check signals needlessly: the next sleep ends early, which is harmless.
                sleepers.add(1, ordering: .sequentiallyConsistent)
                if cursor.load(ordering: .sequentiallyConsistent) >> 32 == seen, !stopping.load(ordering: .sequentiallyConsistent) {
                    wakeUp.wait()
                }
                idleSince = DispatchTime.now().uptimeNanoseconds
            }
            if stopping.load(ordering: .relaxed) { return }
            // The lock orders the caller's writes before the job's tasks read them.
            let current = job.withLock { $0 }
            seen = current.generation
            if let body = current.body { work(current.generation, body, current.count) }
        }
    }
}
