import CairnCore
import CairnML

/// Builds the ``Table`` a model predicts on from named columns of request values, checked against its signature.
public enum InputTable {
    /// The model's features from `columns`, converted to each feature's kind. Columns the model does not read are
    /// ignored.
    /// - Parameters:
    ///   - columns: values by column name, all of one length.
    ///   - signature: the model's inputs.
    /// - Throws: `invalidArgument` naming the inputs that are absent, or the input and row of a value of the wrong
    ///   kind, a non-finite number, or a missing value the model does not accept.
    public static func make(columns: [String: [FeatureValue]], signature: ServingSignature) throws -> Table {
        let absent = signature.inputNames.filter { columns[$0] == nil }
        guard absent.isEmpty else {
            throw CairnError.invalid("Model is missing inputs \(list(absent)); it takes \(list(signature.inputNames))")
        }
        return try Table(signature.inputs.map { try column($0, columns[$0.name]!) })
    }

    /// The names as a bracketed, quoted list for messages.
    static func list(_ names: [String]) -> String { "[" + names.map { "'\($0)'" }.joined(separator: ", ") + "]" }

    private static func column(_ input: ServingSignature.Input, _ values: [FeatureValue]) throws -> Column {
        func rejected(_ row: Int, _ why: String) -> CairnError {
            .invalid("Input '\(input.name)' row \(row): \(why)")
        }
        if input.isCategorical {
            return Column(input.name, strings: values.enumerated().map { row, value -> String? in
                switch value {
                case .text(let text): return text
                case .number, .bool: return value.shown
                case .missing: return nil
                }
            })
        }
        return Column(input.name, doubles: try values.enumerated().map { row, value -> Double in
            let number: Double
            switch value {
            case .number(let value): number = value
            case .bool(let value): number = value ? 1 : 0
            case .text(let text):
                guard let parsed = Double(text) else { throw rejected(row, "expected a number, got \(value.shown)") }
                number = parsed
            case .missing: return .nan
            }
            if number.isInfinite {
                throw rejected(row, "infinite values are not allowed")
            }
            return number
        })
    }
}
