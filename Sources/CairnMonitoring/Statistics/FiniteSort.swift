/// The finite values of a column in ascending order, by a least-significant-digit radix sort on the IEEE bit
/// patterns (four 16-bit passes): linear time, which matters for million-row columns.
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
        var scratch = [UInt64](repeating: 0, count: keys.count)
        var counts = [Int](repeating: 0, count: 1 << 16)
        for shift in stride(from: 0, to: 64, by: 16) {
            keys.withUnsafeBufferPointer { source in
                scratch.withUnsafeMutableBufferPointer { target in
                    counts.withUnsafeMutableBufferPointer { count in
                        for i in 0..<count.count { count[i] = 0 }
                        for k in source { count[Int((k >> UInt64(shift)) & 0xFFFF)] += 1 }
                        var total = 0
                        for i in 0..<count.count {
                            let c = count[i]
                            count[i] = total
                            total += c
                        }
                        for k in source {
                            let digit = Int((k >> UInt64(shift)) & 0xFFFF)
                            target[count[digit]] = k
                            count[digit] += 1
                        }
                    }
                }
            }
            swap(&keys, &scratch)
        }
        return keys.map(Self.value)
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
