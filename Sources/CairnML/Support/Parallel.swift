import Dispatch

/// Data-parallel helpers over the machine's cores.
enum Parallel {
    /// `body(i)` for every `i` in `0..<count`, computed concurrently, in index order.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        return [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { (slots.base + $0).initialize(to: body($0)) }
            initialized = count
        }
    }

    /// The destination of ``map(_:_:)``; `@unchecked Sendable` is safe because each iteration writes a distinct
    /// element and the buffer outlives `concurrentPerform`, which returns only when every iteration has finished.
    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>
    }
}
