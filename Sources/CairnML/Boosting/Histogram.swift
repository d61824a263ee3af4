/// Per-bin gradient statistics for every feature of one leaf, laid out flat as (gradient, hessian, count)
/// triples in the order of ``BinnedData/offsets``.
struct Histogram: Sendable {
    var values: [Double]

    /// The statistics of bin `bin` of the feature whose bins start at `offset`.
    @inline(__always)
    func stats(offset: Int, bin: Int) -> GradientStats {
        let k = (offset + bin) * 3
        return GradientStats(gradient: values[k], hessian: values[k + 1], count: values[k + 2])
    }

    /// Without a ``WorkerTeam``, leaves of fewer rows are summed on one thread: waking a second one costs more than
    /// it saves.
    static let concurrentRows = 2048

    /// Leaves of at least this many rows sum their sparse features in two halves, one per core.
    static let splitSparseRows = 4096

    /// Leaves of at least this many rows gather their gradients in two halves, one per core.
    static let splitGatherRows = 2048

    /// Sums the gradients of `rows` into bins, concurrently (on `workers`, if any): one task per two dense features
    /// of `features`, one or two over the rows for the sparse features, whose default bins are then the leaf's totals
    /// minus their other bins, and one for those totals. A row's sparse entries are stored together, so every sparse
    /// feature is summed, `features` or not; the bins of a feature outside `features` are not complete and must not
    /// be read. The bins' buffer comes from `pool`, if given.
    init(
        data: BinnedData, rows: ArraySlice<Int32>, gradients: [Double], hessians: [Double], features: [Int],
        workers: WorkerTeam? = nil, pool: HistogramPool? = nil
    ) {
        let n = rows.count
        var values = pool?.take(data.totalBins * 3) ?? [Double](repeating: 0, count: data.totalBins * 3)
        if n > 0, n == data.rowCount, Self.isEveryRowInOrder(rows) {
            // The root of a tree grown on every row: the gradients are read in place, in row order already.
            gradients.withUnsafeBufferPointer { g in
                hessians.withUnsafeBufferPointer { h in
                    Self.sum(AllRows(gradients: g.baseAddress!, hessians: h.baseAddress!), n, data, features, workers, pool, into: &values)
                }
            }
        } else if n > 0 {
            let pairs = Self.gather(rows, gradients, hessians, workers)
            rows.withUnsafeBufferPointer { rowBuffer in
                pairs.withUnsafeBufferPointer { pairBuffer in
                    let source = GatheredRows(rows: rowBuffer.baseAddress!, pairs: pairBuffer.baseAddress!)
                    Self.sum(source, n, data, features, workers, pool, into: &values)
                }
            }
        }
        self.values = values
    }

    /// Whether `rows` are `0, 1, 2, …` in order.
    private static func isEveryRowInOrder(_ rows: ArraySlice<Int32>) -> Bool {
        rows.withUnsafeBufferPointer { rows in
            var inOrder = true
            for k in rows.indices { inOrder = inOrder && rows[k] == Int32(truncatingIfNeeded: k) }
            return inOrder
        }
    }

    /// The rows' gradient and hessian pairs in row order, so every pass over the rows reads them sequentially.
    private static func gather(_ rows: ArraySlice<Int32>, _ gradients: [Double], _ hessians: [Double], _ workers: WorkerTeam?) -> [Double] {
        let n = rows.count
        return [Double](unsafeUninitializedCapacity: 2 * n) { buffer, initialized in
            let target = SharedBuffer(base: buffer.baseAddress!)
            let gather = { @Sendable (range: Range<Int>) in
                for k in range {
                    let row = Int(rows[rows.startIndex + k])
                    target.base[2 &* k] = gradients[row]
                    target.base[2 &* k &+ 1] = hessians[row]
                }
            }
            if let workers, n >= Self.splitGatherRows {
                workers.forEach(2) { half in gather(half == 0 ? 0..<(n / 2) : (n / 2)..<n) }
            } else {
                gather(0..<n)
            }
            initialized = 2 * n
        }
    }

    /// Sums the `n` rows of `source` into `values` (zeros), the tasks described at ``init(data:rows:gradients:hessians:features:workers:pool:)``.
    private static func sum<Source: LeafRows>(
        _ source: Source, _ n: Int, _ data: BinnedData, _ features: [Int], _ workers: WorkerTeam?, _ pool: HistogramPool?,
        into values: inout [Double]
    ) {
        let dense = features.filter { !data.isSparse[$0] }
        let sparse = features.filter { data.isSparse[$0] }
        let halves = sparse.isEmpty ? 0 : (n >= Self.splitSparseRows ? 2 : 1)
        // Tasks, the longest first: the sparse halves, the leaf's totals (needed by sparse features only), the
        // dense features in pairs (which read each row's gradients once for two features).
        let totalTasks = halves > 0 ? 1 : 0
        let pairs = stride(from: 0, to: dense.count, by: 2).map { dense[$0..<min($0 + 2, dense.count)] }
        let taskCount = halves + totalTasks + pairs.count
        var spill = halves > 1 ? pool?.take(data.totalBins * 3) ?? [Double](repeating: 0, count: data.totalBins * 3) : []
        var total = GradientStats(gradient: 0, hessian: 0, count: Double(n))
        values.withUnsafeMutableBufferPointer { valuesBuffer in
            spill.withUnsafeMutableBufferPointer { spillBuffer in
                withUnsafeMutablePointer(to: &total) { totalPointer in
                    // Each task writes its own bins: two dense features' ranges, or (the second half) the spill.
                    let target = SharedBuffer(base: valuesBuffer.baseAddress!)
                    let spillTarget = spillBuffer.baseAddress.map { SharedBuffer(base: $0) }
                    let totalTarget = SharedBuffer(base: totalPointer)
                    let task = { @Sendable (task: Int) in
                        if task < halves {
                            let range = halves == 1 ? 0..<n : (task == 0 ? 0..<(n / 2) : (n / 2)..<n)
                            source.sumSparse(data.sparse, range, into: task == 0 ? target.base : spillTarget!.base)
                        } else if task < halves + totalTasks {
                            source.sumPairs(n, into: totalTarget.base)
                        } else {
                            let pair = pairs[task - halves - totalTasks]
                            let (f, g) = (pair.first!, pair.last!)
                            data.bins[f].withUnsafeBufferPointer { column in
                                data.bins[g].withUnsafeBufferPointer { other in
                                    let (binCount, otherBinCount) = (data.mappers[f].binCount, data.mappers[g].binCount)
                                    // A feature without a partner is summed twice, the second time into scratch.
                                    withUnsafeTemporaryAllocation(of: Double.self, capacity: f == g ? otherBinCount * 3 : 0) { scratch in
                                        scratch.initialize(repeating: 0)
                                        source.sumColumns(
                                            column.baseAddress!, other.baseAddress!, n, binCount: binCount, otherBinCount: otherBinCount,
                                            into: target.base + data.offsets[f] * 3,
                                            f == g ? scratch.baseAddress! : target.base + data.offsets[g] * 3)
                                    }
                                }
                            }
                        }
                    }
                    if let workers {
                        workers.forEach(taskCount, task)
                    } else {
                        Parallel.forEach(taskCount, concurrently: n >= Self.concurrentRows, task)
                    }
                }
            }
        }
        for f in sparse {
            let first = data.offsets[f] * 3
            let end = first + data.mappers[f].binCount * 3
            if halves > 1 { for i in first..<end { values[i] += spill[i] } }
            var rest = GradientStats()
            for i in stride(from: first, to: end, by: 3) {
                rest = rest + GradientStats(gradient: values[i], hessian: values[i + 1], count: values[i + 2])
            }
            let d = first + data.defaultBins[f] * 3
            values[d] = total.gradient - rest.gradient
            values[d + 1] = total.hessian - rest.hessian
            values[d + 2] = total.count - rest.count
        }
        if halves > 1 { pool?.recycle(spill) }
        // Last, over the sparse features' default bins too, whose counts the loop above took from the uncounted bins.
        if !source.countsRows {
            for (bin, count) in data.binRowCounts.enumerated() { values[bin &* 3 &+ 2] = count }
        }
    }

    /// Subtracts `other` bin by bin: the parent's histogram becomes the larger child's when `other` is the smaller's.
    mutating func subtract(_ other: Histogram) {
        values.withUnsafeMutableBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                for i in mine.indices { mine[i] -= theirs[i] }
            }
        }
    }
}

/// The rows of a leaf as concurrent histogram tasks read them: the `k`th row's index and its gradient and hessian.
private protocol LeafRows: Sendable {
    /// Whether the sums count the rows of each bin; when not, the counts are left at zero for the caller to fill.
    var countsRows: Bool { get }
    func row(_ k: Int) -> Int
    func gradient(_ k: Int) -> Double
    func hessian(_ k: Int) -> Double
}

/// A leaf's rows with their (gradient, hessian) pairs gathered in row order; `@unchecked Sendable` is safe because
/// the tasks only read, and ``Histogram/init(data:rows:gradients:hessians:features:workers:pool:)`` keeps both
/// buffers alive until they end.
private struct GatheredRows: LeafRows, @unchecked Sendable {
    let rows: UnsafePointer<Int32>
    let pairs: UnsafePointer<Double>

    var countsRows: Bool { true }
    @inline(__always) func row(_ k: Int) -> Int { Int(rows[k]) }
    @inline(__always) func gradient(_ k: Int) -> Double { pairs[2 &* k] }
    @inline(__always) func hessian(_ k: Int) -> Double { pairs[2 &* k &+ 1] }
}

/// Every row of the data, in order, with the gradient arrays read in place; `@unchecked Sendable` for the same
/// reason as ``GatheredRows``.
private struct AllRows: LeafRows, @unchecked Sendable {
    let gradients: UnsafePointer<Double>
    let hessians: UnsafePointer<Double>

    /// Every row's bin is known before any tree: ``BinnedData/binRowCounts``.
    var countsRows: Bool { false }
    @inline(__always) func row(_ k: Int) -> Int { k }
    @inline(__always) func gradient(_ k: Int) -> Double { gradients[k] }
    @inline(__always) func hessian(_ k: Int) -> Double { hessians[k] }
}

extension LeafRows {
    /// Adds the first `count` rows into the triples of two features at once, by their bins in `column` and `other`
    /// (`binCount` and `otherBinCount` bins, at `base` and `otherBase`): each row's gradient and hessian are read once
    /// for both. Even and odd rows go to separate copies, added together at the end: consecutive rows often share a
    /// bin, and one copy would make each addition wait for the previous one's store.
    func sumColumns(
        _ column: UnsafePointer<UInt8>, _ other: UnsafePointer<UInt8>, _ count: Int, binCount: Int, otherBinCount: Int,
        into base: UnsafeMutablePointer<Double>, _ otherBase: UnsafeMutablePointer<Double>
    ) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: (binCount + otherBinCount) * 3) { odd in
            odd.initialize(repeating: 0)
            let otherOdd = odd.baseAddress! + binCount * 3
            var k = 0
            while k &+ 1 < count {
                let (r, s) = (row(k), row(k &+ 1))
                let (b, c) = (Int(column[r]) &* 3, Int(other[r]) &* 3)
                let (d, e) = (Int(column[s]) &* 3, Int(other[s]) &* 3)
                let (g, h) = (gradient(k), hessian(k))
                let (g2, h2) = (gradient(k &+ 1), hessian(k &+ 1))
                base[b] += g
                base[b &+ 1] += h
                otherBase[c] += g
                otherBase[c &+ 1] += h
                odd[d] += g2
                odd[d &+ 1] += h2
                otherOdd[e] += g2
                otherOdd[e &+ 1] += h2
                if countsRows {
                    base[b &+ 2] += 1
                    otherBase[c &+ 2] += 1
                    odd[d &+ 2] += 1
                    otherOdd[e &+ 2] += 1
                }
                k &+= 2
            }
            if k < count {
                let r = row(k)
                let (b, c) = (Int(column[r]) &* 3, Int(other[r]) &* 3)
                base[b] += gradient(k)
                base[b &+ 1] += hessian(k)
                otherBase[c] += gradient(k)
                otherBase[c &+ 1] += hessian(k)
                if countsRows {
                    base[b &+ 2] += 1
                    otherBase[c &+ 2] += 1
                }
            }
            for i in 0..<(binCount * 3) { base[i] += odd[i] }
            for i in 0..<(otherBinCount * 3) { otherBase[i] += otherOdd[i] }
        }
    }

    /// Adds the first `count` rows' gradients and hessians, in row order, to `total`'s.
    func sumPairs(_ count: Int, into total: UnsafeMutablePointer<GradientStats>) {
        var (gradients, hessians) = (total.pointee.gradient, total.pointee.hessian)
        for k in 0..<count {
            gradients += gradient(k)
            hessians += hessian(k)
        }
        (total.pointee.gradient, total.pointee.hessian) = (gradients, hessians)
    }

    /// Adds rows `range` into the flat triples at `base`, by their stored sparse bins.
    func sumSparse(_ sparse: SparseBins, _ range: Range<Int>, into base: UnsafeMutablePointer<Double>) {
        sparse.rowStarts.withUnsafeBufferPointer { starts in
            sparse.entries.withUnsafeBufferPointer { entries in
                for k in range {
                    let r = row(k)
                    let g = gradient(k)
                    let h = hessian(k)
                    for e in starts[r]..<starts[r &+ 1] {
                        let b = Int(entries[e]) &* 3
                        base[b] += g
                        base[b &+ 1] += h
                        if countsRows { base[b &+ 2] += 1 }
                    }
                }
            }
        }
    }
}
