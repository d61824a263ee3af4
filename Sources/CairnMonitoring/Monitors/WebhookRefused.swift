/// A webhook delivery the transport would not attempt (for example because the URL's host resolves to an internal
/// address the operator did not allow). ``WebhookNotifier`` records it with the reason and does not retry it.
public struct WebhookRefused: Error, Sendable, CustomStringConvertible {
    /// Why the delivery was refused.
    public var reason: String

    public init(reason: String) {
        self.reason = reason
    }

    public var description: String { "refused: " + reason }
}
