/// A key and a string value, as MLflow's tags and params are (on runs, experiments, logged models, registered
/// models and their versions).
public struct KeyValue: Sendable, Hashable, Codable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}
