extension TreeGrower {
    /// Leaves of at least this many rows are partitioned in parts, one per thread of the ``WorkerTeam``.
    static let concurrentPartitionRows = 2048

    /// Stable-partitions `order[begin..<begin+count]` so rows whose bin of `feature` goes left by `route` come first;
    /// returns how many go left. `scratch` (at least `count` long) holds the right rows meanwhile.
    ///
    /// A large leaf's rows are partitioned in consecutive parts concurrently, each in place with its right rows in
    /// its own stretch of `scratch`; the parts' left rows are then moved together, followed by their right rows, so
    /// the order is the same as in one pass.
    func partition(
        _ order: inout [Int32], _ begin: Int, _ count: Int, feature: Int, route: [UInt8], scratch: inout [Int32]
    ) -> Int {
        let parts = workers?.ranges(count, minimum: Self.concurrentPartitionRows) ?? [0..<count]
        var lefts = [Int](repeating: 0, count: parts.count)
        let bins = data.bins[feature]
        order.withUnsafeMutableBufferPointer { order in
            scratch.withUnsafeMutableBufferPointer { scratch in
                lefts.withUnsafeMutableBufferPointer { lefts in
                    // Each part reads and writes only its own stretch of `order` and `scratch`, and its own count.
                    let (orderBase, scratchBase) = (SharedBuffer(base: order.baseAddress! + begin), SharedBuffer(base: scratch.baseAddress!))
                    let leftCounts = SharedBuffer(base: lefts.baseAddress!)
                    let run = { @Sendable (p: Int) in
                        leftCounts.base[p] = Self.partition(
                            orderBase.base + parts[p].lowerBound, parts[p].count, bins: bins, route: route,
                            scratch: scratchBase.base + parts[p].lowerBound)
                    }
                    if let workers, parts.count > 1 { workers.forEach(parts.count, run) } else { run(0) }
                    var left = lefts[0]
                    for (p, part) in parts.enumerated().dropFirst() {
                        // May overlap: a byte copy that allows it.
                        UnsafeMutableRawPointer(order.baseAddress! + begin + left).copyMemory(
                            from: order.baseAddress! + begin + part.lowerBound, byteCount: lefts[p] * MemoryLayout<Int32>.stride)
                        left += lefts[p]
                    }
                    var end = left
                    for (p, part) in parts.enumerated() {
                        let rights = part.count - lefts[p]
                        (order.baseAddress! + begin + end).update(from: scratch.baseAddress! + part.lowerBound, count: rights)
                        end += rights
                    }
                }
            }
        }
        return lefts.reduce(0, +)
    }

    /// Partitions the `count` rows at `order` in place, stably, the right ones into `scratch`; returns how many go left.
    private static func partition(
        _ order: UnsafeMutablePointer<Int32>, _ count: Int, bins: [UInt8], route: [UInt8], scratch: UnsafeMutablePointer<Int32>
    ) -> Int {
        var left = 0
        var right = 0
        bins.withUnsafeBufferPointer { bins in
            route.withUnsafeBufferPointer { goesLeft in
                // Each row is written to both sides and kept by the one it goes to: no branch to mispredict.
                for i in 0..<count {
                    let row = order[i]
                    let isLeft = Int(goesLeft[Int(bins[Int(row)])])
                    order[left] = row
                    scratch[right] = row
                    left &+= isLeft
                    right &+= 1 &- isLeft
                }
            }
        }
        return left
    }
}
