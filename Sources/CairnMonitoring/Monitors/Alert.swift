/// A problem a monitor found: opened by a failing run, resolved by the next passing one.
public struct Alert: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        case open, resolved
    }

    public var id: String
    public var monitor: String
    public var deployment: String
    public var status: Status
    public var openedAt: Int64
    /// The run that opened it.
    public var openedBy: String
    public var resolvedAt: Int64?
    public var resolvedBy: String?
    /// The failed checks that opened it.
    public var summary: String

    public init(
        id: String, monitor: String, deployment: String, status: Status, openedAt: Int64, openedBy: String, resolvedAt: Int64? = nil,
        resolvedBy: String? = nil, summary: String
    ) {
        self.id = id
        self.monitor = monitor
        self.deployment = deployment
        self.status = status
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.resolvedAt = resolvedAt
        self.resolvedBy = resolvedBy
        self.summary = summary
    }
}

/// One attempt to deliver an alert event to a webhook.
public struct WebhookDelivery: Sendable, Equatable, Codable {
    public var alertID: String
    public var url: String
    /// `opened` or `resolved`.
    public var event: String
    /// 1 for the first attempt.
    public var attempt: Int
    public var time: Int64
    /// The HTTP status answered, or `nil` when the endpoint could not be reached.
    public var statusCode: Int?
    /// Why the attempt failed, or `nil` for a 2xx answer.
    public var error: String?

    public init(alertID: String, url: String, event: String, attempt: Int, time: Int64, statusCode: Int?, error: String?) {
        self.alertID = alertID
        self.url = url
        self.event = event
        self.attempt = attempt
        self.time = time
        self.statusCode = statusCode
        self.error = error
    }
}
