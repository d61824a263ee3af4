/// The finite values of a column in ascending order, by a least-significant-digit radix sort on the IEEE bit
/// patterns (at most four 16-bit passes): linear time, which matters for million-row columns.
enum FiniteSort {
    /// Below this many values the standard library's sort is faster.
    static let radixThreshold = 4_096

    /// `data` without NaN and ±infinity, sorted ascending (−0 and +0 compare equal, −0 first).
    static func sorted(_ data: [Double]) -> [Double] {
        var keys = [UInt64]()
        keys.reserveCapacity(data.count)
        for value in data where value.isFinite { keys.append(key(value)) }
        if keys.count < radixThreshold {
            return keys.map(Self.value).sorted()
        }
        // The result's storage serves as the passes' scratch buffer, so the sort allocates no third array.
        return [Double](unsafeUninitializedCapacity: keys.count) { result, initialized in
            result.withMemoryRebound(to: UInt64.self) { scratch in
                keys.withUnsafeMutableBufferPointer { keys in
                    let sorted = radixSort(keys, scratch: scratch)
                    for i in sorted.indices { scratch[i] = value(sorted[i]).bitPattern }
                }
            }
            initialized = keys.count
        }
    }

    /// Sorts `keys` ascending, moving them between `keys` and `scratch`, and returns the buffer that holds the
    /// result: one pass counts all four 16-bit digits, then each digit that does not put every key in one bucket
    /// (common for integers and narrow ranges) moves the keys once.
    private static func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>)
        -> UnsafeMutableBufferPointer<UInt64>
    {
        var source = keys
        var target = scratch
        var counts = [UInt32](repeating: 0, count: 4 << 16)
        counts.withUnsafeMutableBufferPointer { count in
            for k in keys {
                count[Int(k & 0xFFFF)] &+= 1
                count[0x10000 + Int((k >> 16) & 0xFFFF)] &+= 1
                count[0x20000 + Int((k >> 32) & 0xFFFF)] &+= 1
                count[0x30000 + Int(k >> 48)] &+= 1
            }
        }
        for pass in 0..<4 {
            let shift = UInt64(16 * pass)
            let moved = counts.withUnsafeMutableBufferPointer { all -> Bool in
                let count = UnsafeMutableBufferPointer(rebasing: all[(pass << 16)..<((pass + 1) << 16)])
                if count.contains(where: { Int($0) == keys.count }) { return false }
                var total: UInt32 = 0
                for i in 0..<count.count {
                    let c = count[i]
                    count[i] = total
                    total &+= c
                }
                for k in source {
                    let digit = Int((k >> shift) & 0xFFFF)
                    target[Int(count[digit])] = k
                    count[digit] &+= 1
                }
                return true
            }
            if moved { swap(&source, &target) }
        }
        return source
    }

    /// A key whose unsigned order is the numeric order of finite doubles.
    private static func key(_ value: Double) -> UInt64 {
        let bits = value.bitPattern
        return bits >> 63 == 1 ? ~bits : bits | (1 << 63)
    }

    private static func value(_ key: UInt64) -> Double {
        Double(bitPattern: key >> 63 == 1 ? key & ~(1 << 63) : ~key)
    }
}
