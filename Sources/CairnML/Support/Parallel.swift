import Dispatch

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
