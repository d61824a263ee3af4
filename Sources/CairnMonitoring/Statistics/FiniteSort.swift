/// The finite values of a column in ascending order, by a least-significant-digit radix sort on the IEEE bit
/// patterns (at most six 11-bit passes): linear time, which matters for million-row columns.
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

    /// Bits per radix digit: 2,048 buckets keep each pass's scatter within the cache (16-bit digits scattered to
    /// 65,536 places and needed a megabyte of counts per sort).
    private static let digitBits = 11
    private static let buckets = 1 << digitBits
    private static let passes = (64 + digitBits - 1) / digitBits

    /// Sorts `keys` ascending, moving them between `keys` and `scratch`, and returns the buffer that holds the
    /// result: one pass counts every digit, then each digit that does not put every key in one bucket (common for
    /// integers, narrow ranges and the sign and exponent bits) moves the keys once.
    private static func radixSort(_ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>)
        -> UnsafeMutableBufferPointer<UInt64>
    {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: passes * buckets) { counts in
            counts.initialize(repeating: 0)
            let mask = UInt64(buckets - 1)
            for k in keys {
                for pass in 0..<passes { counts[pass * buckets + Int((k >> UInt64(pass * digitBits)) & mask)] &+= 1 }
            }
            var source = keys
            var target = scratch
            for pass in 0..<passes {
                let count = UnsafeMutableBufferPointer(rebasing: counts[(pass * buckets)..<((pass + 1) * buckets)])
                if count.contains(where: { Int($0) == keys.count }) { continue }
                var total: UInt32 = 0
                for i in 0..<buckets {
                    let c = count[i]
                    count[i] = total
                    total &+= c
                }
                let shift = UInt64(pass * digitBits)
                for k in source {
                    let digit = Int((k >> shift) & mask)
                    target[Int(count[digit])] = k
                    count[digit] &+= 1
                }
                swap(&source, &target)
            }
            return source
        }
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
