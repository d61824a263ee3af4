import CairnCore
import Foundation

/// One preprocessing step to fit, as named in `cairn train --preprocess`; see ``Preprocessor``.
public enum PreprocessingStep: Sendable, Codable, Equatable {
    /// Fills missing values (see ``Imputer``).
    case impute(Imputer.Strategy, fill: Double)
    /// Standardizes numeric columns (see ``StandardScaler``).
    case scale
    /// Replaces each categorical column by one indicator per category (see ``OneHotEncoder``).
    case oneHot
    /// Replaces each categorical column by its category's rank (see ``OrdinalEncoder``).
    case ordinal
    /// Replaces each categorical column by smoothed target means (see ``TargetEncoder``); `smoothing` `nil` is
    /// scikit-learn's `"auto"`.
    case target(smoothing: Double?, folds: Int)

    /// Parses a comma-separated list of steps: `impute=mean|median|most_frequent|constant[:VALUE]`, `scale`,
    /// `onehot`, `ordinal`, `target[=SMOOTHING|auto[:FOLDS]]`. Example: `impute=median,scale,onehot`.
    /// - Throws: `invalid_argument` naming the step that is not understood.
    public static func parse(_ text: String) throws -> [PreprocessingStep] {
        try text.split(separator: ",").map { item in
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let argument = parts.count > 1 ? parts[1] : nil
            switch (parts[0], argument) {
            case ("scale", nil): return .scale
            case ("onehot", nil): return .oneHot
            case ("ordinal", nil): return .ordinal
            case ("impute", let argument?):
                let pieces = argument.split(separator: ":", maxSplits: 1).map(String.init)
                guard let strategy = Imputer.Strategy(rawValue: pieces[0]) else { break }
                guard pieces.count == 1 || strategy == .constant, let fill = Double(pieces.count > 1 ? pieces[1] : "0") else { break }
                return .impute(strategy, fill: fill)
            case ("target", let argument):
                let pieces = (argument ?? "auto").split(separator: ":", maxSplits: 1).map(String.init)
                let smoothing = pieces[0] == "auto" ? nil : Double(pieces[0])
                guard pieces[0] == "auto" || (smoothing.map { $0 >= 0 && $0.isFinite } ?? false) else { break }
                guard let folds = Int(pieces.count > 1 ? pieces[1] : "5"), folds >= 2 else { break }
                return .target(smoothing: smoothing, folds: folds)
            default: break
            }
            throw CairnError.invalid(
                "Unknown preprocessing step '\(item)': use impute=mean|median|most_frequent|constant[:VALUE], scale, onehot, ordinal or target[=SMOOTHING|auto][:FOLDS]")
        }
    }
}
