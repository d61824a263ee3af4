/// What happened to an alert, as a webhook receives it.
public struct AlertEvent: Sendable, Equatable {
    public enum Kind: String, Sendable, Codable {
        case opened, resolved
    }

    public var kind: Kind
    public var alert: Alert
    /// The run that opened or resolved it.
    public var run: MonitorRun

    public init(kind: Kind, alert: Alert, run: MonitorRun) {
        self.kind = kind
        self.alert = alert
        self.run = run
    }
}

/// Tells people about alerts. Implementations never make the caller wait for delivery.
public protocol AlertNotifier: Sendable {
    /// Queues `event` for each URL and returns at once.
    func notify(_ event: AlertEvent, urls: [String])
}
