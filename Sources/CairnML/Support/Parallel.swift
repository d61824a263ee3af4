import Foundation

/// Data-parallel helpers over the machine's cores.
public enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, computed concurrently (a single one on the calling thread), in index order.
    public static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            // Each iteration initializes a distinct element.
            let slots = SharedBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { (slots.base + $0).initialize(to: body($0)) }
            initialized = count
        }
    }

    /// The cores this process may run on: on Linux the CPU affinity of the thread that first asks (what `taskset`
    /// or a container's cpuset allows), elsewhere every active core; read once, since split scans ask per split.
    /// `ProcessInfo.activeProcessorCount` counts the machine's cores whatever the affinity, and threads that wait for
    /// each other by spinning lose more than they gain on too few cores.
    static let availableCores: Int = {
        let active = ProcessInfo.processInfo.activeProcessorCount
        #if os(Linux)
        if let status = try? String(contentsOfFile: "/proc/thread-self/status", encoding: .utf8),
            let allowed = allowedCores(status: status)
        {
            return Swift.max(1, Swift.min(allowed, active))
        }
        #endif
        return active
    }()

    /// The number of cores in the `Cpus_allowed` mask of a Linux `/proc/…/status` text (hexadecimal, in groups
    /// separated by commas), or `nil` without one. The mask may name cores the machine does not have.
    static func allowedCores(status: String) -> Int? {
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Cpus_allowed:") }) else { return nil }
        let mask = line.dropFirst("Cpus_allowed:".count).filter { !$0.isWhitespace && $0 != "," }
        guard !mask.isEmpty, mask.allSatisfy(\.isHexDigit) else { return nil }
        return mask.reduce(0) { $0 + $1.hexDigitValue!.nonzeroBitCount }
    }

    /// `parts` consecutive ranges of nearly equal size that cover `0..<count`.
    static func ranges(_ count: Int, parts: Int) -> [Range<Int>] {
        (0..<parts).map { part in (count * part / parts)..<(count * (part + 1) / parts) }
    }

    /// `body(i)` for every `i` in `0..<count`, run concurrently unless `concurrently` is false (work too small to
    /// pay for waking threads); `body` must only write state no other iteration touches.
    static func forEach(_ count: Int, concurrently: Bool = true, _ body: @Sendable (Int) -> Void) {
        if concurrently {
            DispatchQueue.concurrentPerform(iterations: count, execute: body)
        } else {
            for i in 0..<count { body(i) }
        }
    }
}

/// A pointer shared by concurrent iterations that write disjoint elements; `@unchecked Sendable` is safe because
/// every user writes each element from one iteration only and keeps the buffer alive until the iterations end.
struct SharedBuffer<T>: @unchecked Sendable {
    let base: UnsafeMutablePointer<T>
}
