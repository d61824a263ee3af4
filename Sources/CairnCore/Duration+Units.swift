extension Duration {
    /// The duration in whole nanoseconds (truncated), as metrics and timers record it.
    public var nanoseconds: Int64 { components.seconds * 1_000_000_000 + components.attoseconds / 1_000_000_000 }

    /// The duration in whole microseconds (truncated).
    public var microseconds: Int64 { components.seconds * 1_000_000 + components.attoseconds / 1_000_000_000_000 }
}
