/// The finite values of a column in ascending order, by a least-significant-digit radix sort on the IEEE bit
/// patterns: linear time, which matters for million-row columns.
///
/// The keys are first sorted on their top 31 bits only (sign, exponent and 20 mantissa bits: three 11-bit passes
/// instead of six), which leaves keys that share those bits next to each other; each such run is then sorted on
/// the remaining bits. Real measurements rarely share 31 bits, so most runs hold one key and the last three passes
/// are saved; a run of many keys (integers, narrow ranges) is radix-sorted on its low bits, so no input is slow.
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
                    var (sorted, spare) = radixSort(keys, scratch: scratch, fromDigit: digitsPerSort)
                    sortRuns(&sorted, spare: &spare)
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
    /// Each sort orders the keys by three digits: the low 33 bits (digits 0–2) or the top 31 (digits 3–5).
    private static let digitsPerSort = 3
    /// The key bits below the high digits.
    private static let lowBits = UInt64(digitsPerSort * digitBits)
    /// Runs of keys sharing their high digits this long or shorter are insertion-sorted.
    private static let shortRun = 32

    /// Sorts `keys` ascending by the three digits from digit `first` (stable, so the order of the other bits is kept), moving them
    /// between `keys` and `scratch` (of the same count): one pass counts every digit, then each digit that does
    /// not put every key in one bucket (common for integers, narrow ranges and the sign and exponent bits) moves
    /// the keys once.
    /// - Returns: the buffer that holds the result and the other one.
    private static func radixSort(
        _ keys: UnsafeMutableBufferPointer<UInt64>, scratch: UnsafeMutableBufferPointer<UInt64>, fromDigit first: Int
    ) -> (sorted: UnsafeMutableBufferPointer<UInt64>, spare: UnsafeMutableBufferPointer<UInt64>) {
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: digitsPerSort * buckets) { counts in
            counts.initialize(repeating: 0)
            let mask = UInt64(buckets - 1)
            let lowest = UInt64(first * digitBits)
            for k in keys {
                // A constant count of digits, so the loop unrolls.
                for slot in 0..<digitsPerSort { counts[slot * buckets + Int((k >> (lowest + UInt64(slot * digitBits))) & mask)] &+= 1 }
            }
            var source = keys
            var target = scratch
            for (slot, digit) in (first..<(first + digitsPerSort)).enumerated() {
                let count = UnsafeMutableBufferPointer(rebasing: counts[(slot * buckets)..<((slot + 1) * buckets)])
                if count.contains(where: { Int($0) == keys.count }) { continue }
                var total: UInt32 = 0
                for i in 0..<buckets {
                    let c = count[i]
                    count[i] = total
                    total &+= c
                }
                let shift = UInt64(digit * digitBits)
                for k in source {
                    let digit = Int((k >> shift) & mask)
                    target[Int(count[digit])] = k
                    count[digit] &+= 1
                }
                swap(&source, &target)
            }
            return (source, target)
        }
    }

    /// Sorts each run of keys in `sorted` that share their high digits on their low bits, using the same
    /// positions of `spare` as scratch space.
    private static func sortRuns(_ sorted: inout UnsafeMutableBufferPointer<UInt64>, spare: inout UnsafeMutableBufferPointer<UInt64>) {
        var start = 0
        while start < sorted.count {
            let high = sorted[start] >> lowBits
            var end = start + 1
            while end < sorted.count, sorted[end] >> lowBits == high { end += 1 }
            if end - start > shortRun {
                let run = UnsafeMutableBufferPointer(rebasing: sorted[start..<end])
                let (result, _) = radixSort(run, scratch: UnsafeMutableBufferPointer(rebasing: spare[start..<end]), fromDigit: 0)
                if result.baseAddress != run.baseAddress { _ = run.update(fromContentsOf: result) }
            } else if end - start > 1 {
                insertionSort(UnsafeMutableBufferPointer(rebasing: sorted[start..<end]))
            }
            start = end
        }
    }

    private static func insertionSort(_ keys: UnsafeMutableBufferPointer<UInt64>) {
        for i in 1..<keys.count {
            let k = keys[i]
            var j = i
            while j > 0, keys[j - 1] > k {
                keys[j] = keys[j - 1]
                j -= 1
            }
            keys[j] = k
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
