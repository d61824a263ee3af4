import Foundation

/// Asks Linux to back the whole 2 MiB pages inside `buffer` with transparent huge pages, before anything is
/// written to it: a column of millions of numbers then takes a few hundred page faults instead of tens of
/// thousands. Only a hint; without effect where the kernel does not offer it or the buffer is small.
func adviseHugePages(_ buffer: UnsafeMutableRawBufferPointer) {
    #if os(Linux)
    let hugePage = 2 << 20
    guard let base = buffer.baseAddress, buffer.count >= 2 * hugePage else { return }
    let start = (Int(bitPattern: base) + hugePage - 1) & ~(hugePage - 1)
    let end = (Int(bitPattern: base) + buffer.count) & ~(hugePage - 1)
    guard end > start, let address = UnsafeMutableRawPointer(bitPattern: start) else { return }
    _ = madvise(address, end - start, MADV_HUGEPAGE)
    #endif
}
