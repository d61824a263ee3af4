import CairnCore
import CairnML

/// The category values an XGBoost 3 model saw in training, per feature (`cats.enc` in the model file, saved when
/// the training data held pandas or Arrow categoricals). XGBoost re-codes a categorical column by these values
/// before predicting, so category names — or numbers — in the input give the same codes whatever order they come
/// in; Cairn does the same.
struct XGBoostCategories: Sendable {
    /// The training categories of one feature, each mapped to its code (its position in the saved list).
    enum Encoding: Sendable {
        case names([String: Int])
        case numbers([Double: Int])
    }

    /// The encodings, by feature index; features without saved categories are absent.
    let encodings: [Int: Encoding]

    /// Reads `cats` from a booster's model, if it has any.
    /// - Throws: `invalid_argument` when the lists are malformed, a feature's values repeat, or there are more
    ///   encodings than features.
    init(_ cats: Document?, featureCount: Int) throws {
        guard let cats, let list = cats.optional("enc") else {
            encodings = [:]
            return
        }
        let features = try list.elements("cats.enc")
        guard features.count <= featureCount else {
            throw CairnError.invalid("the XGBoost model saves categories for \(features.count) features but has \(featureCount)")
        }
        var encodings: [Int: Encoding] = [:]
        for (feature, entry) in features.enumerated() {
            let values = try entry["values"].elements("cats.enc.values")
            guard !values.isEmpty else { continue }
            if let offsets = try entry.optional("offsets")?.ints("cats.enc.offsets") {
                // Names: UTF-8 bytes of every name back to back, split at the offsets.
                let bytes = try values.map { try $0.int("cats.enc.values") }
                guard offsets.first == 0, offsets.last == bytes.count, zip(offsets, offsets.dropFirst()).allSatisfy({ $0 <= $1 }),
                    bytes.allSatisfy({ (0...255).contains($0) })
                else { throw CairnError.invalid("the XGBoost model's category names for feature \(feature) are malformed") }
                let names = zip(offsets, offsets.dropFirst()).map { String(decoding: bytes[$0..<$1].map(UInt8.init), as: UTF8.self) }
                encodings[feature] = .names(try Self.codes(names, feature: feature))
            } else {
                encodings[feature] = .numbers(try Self.codes(try values.map { try $0.double("cats.enc.values") }, feature: feature))
            }
        }
        self.encodings = encodings
    }

    private static func codes<T: Hashable>(_ values: [T], feature: Int) throws -> [T: Int] {
        var codes: [T: Int] = [:]
        for (code, value) in values.enumerated() {
            guard codes.updateValue(code, forKey: value) == nil else {
                throw CairnError.invalid("the XGBoost model lists category \(value) of feature \(feature) twice")
            }
        }
        return codes
    }

    /// The training codes of a column that feeds feature `feature`, or `nil` when the feature has no saved
    /// categories. A missing value stays `NaN`; numbers are matched against names by their text (`3` as "3").
    /// - Throws: `invalid_argument` naming a category the model never saw, as XGBoost refuses it.
    func codes(_ column: Column, feature: Int) throws -> [Double]? {
        guard let encoding = encodings[feature] else { return nil }
        func unseen(_ value: String) -> CairnError {
            CairnError.invalid("column '\(column.name)' holds the category '\(value)', which the XGBoost model did not see in training")
        }
        switch (encoding, column.values) {
        case (.names(let codes), .categorical(let rows, let levels)):
            let levelCodes = levels.map { codes[$0] }
            return try rows.map { row in
                guard row >= 0 else { return .nan }
                guard let code = levelCodes[Int(row)] else { throw unseen(levels[Int(row)]) }
                return Double(code)
            }
        case (.names(let codes), _):
            return try column.doubles().map { value in
                guard !value.isNaN else { return .nan }
                let text = value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
                guard let code = codes[text] else { throw unseen(text) }
                return Double(code)
            }
        case (.numbers(let codes), _):
            return try column.strings().map { text in
                guard let text else { return .nan }
                guard let value = Double(text), let code = codes[value] else { throw unseen(text) }
                return Double(code)
            }
        }
    }
}
