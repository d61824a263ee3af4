import Foundation

/// A source of wall-clock time in milliseconds since the Unix epoch, injectable so tests control time.
public protocol WallClock: Sendable {
    /// The current time in milliseconds since 1970-01-01T00:00:00Z.
    func nowMillis() -> Int64
}

/// The system's real-time clock.
public struct SystemClock: WallClock {
    public init() {}

    public func nowMillis() -> Int64 { Int64((Date().timeIntervalSince1970 * 1000).rounded(.down)) }
}
