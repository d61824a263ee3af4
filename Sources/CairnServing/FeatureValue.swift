/// One input value as a request carries it, before it is checked against a model's signature.
public enum FeatureValue: Sendable, Equatable {
    /// No value (JSON `null`, an empty CSV field); accepted only where the model handles missing values.
    case missing
    case bool(Bool)
    case number(Double)
    case text(String)

    /// How the value reads in an error message.
    var shown: String {
        switch self {
        case .missing: "null"
        case .bool(let value): String(value)
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .text(let value): "'\(value)'"
        }
    }
}
