import Synchronization

/// Histogram buffers given back by leaves that no longer need them, for the next histograms of the fit: the
/// fit reuses a few buffers instead of allocating one per leaf (and the system zeroing fresh pages for each).
final class HistogramPool: Sendable {
    private let buffers = Mutex<[[Double]]>([])

    /// A buffer of `count` zeros.
    func take(_ count: Int) -> [Double] {
        guard var buffer = buffers.withLock({ $0.popLast() }), buffer.count == count else {
            return [Double](repeating: 0, count: count)
        }
        buffer.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        return buffer
    }

    /// Keeps `values` for a later ``take(_:)``; the caller must hold no other copy of them.
    func recycle(_ values: [Double]) {
        buffers.withLock { $0.append(values) }
    }

    /// Keeps the buffer of `histogram`, if any; the caller must hold no other copy of it.
    func recycle(_ histogram: Histogram?) {
        if let histogram { recycle(histogram.values) }
    }
}
