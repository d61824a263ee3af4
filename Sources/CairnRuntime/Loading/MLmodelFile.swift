import CairnCore
import Foundation

/// The flavors of an MLflow `MLmodel` file: which library saved the model and where its file is.
///
/// `MLmodel` is YAML; Cairn reads only the `flavors:` mapping's two levels (`  <flavor>:` then `    data: <file>`
/// and `    model_class: <class>`), which is all `mlflow.onnx`, `mlflow.xgboost` and `mlflow.lightgbm` write there.
struct MLmodelFile {
    /// One flavor's entries Cairn reads.
    struct Flavor {
        var data: String?
        var modelClass: String?
    }

    /// The flavors by name.
    let flavors: [String: Flavor]

    /// The flavors Cairn loads, in the order it prefers them, with the format each holds.
    static let loadable: [(flavor: String, format: ModelFormat)] = [("onnx", .onnx), ("xgboost", .xgboost), ("lightgbm", .lightgbm)]

    /// Parses the text of an `MLmodel` file.
    init(text: String) {
        var flavors: [String: Flavor] = [:]
        var inFlavors = false
        var current: String?
        for line in text.split(whereSeparator: \.isNewline) {
            let indent = line.prefix { $0 == " " }.count
            let content = line.dropFirst(indent)
            if content.hasPrefix("#") || content.isEmpty { continue }
            if indent == 0 {
                inFlavors = content.hasPrefix("flavors:")
                current = nil
                continue
            }
            guard inFlavors, let colon = content.firstIndex(of: ":") else { continue }
            let key = String(content[..<colon])
            let value = content[content.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            let unquoted = value.trimmingCharacters(in: CharacterSet(charactersIn: "'\""))
            if indent == 2 {
                current = key
                flavors[key] = Flavor()
            } else if indent == 4, key == "data", let flavor = current {
                flavors[flavor]?.data = unquoted
            } else if indent == 4, key == "model_class", let flavor = current {
                flavors[flavor]?.modelClass = unquoted
            }
        }
        self.flavors = flavors
    }

    /// The flavor Cairn loads, the model file's path relative to the directory, and what MLflow's `pyfunc` predicts
    /// with it: a native XGBoost or LightGBM `Booster` (the `model_class`, or no class, as MLflow wrote before it
    /// saved scikit-learn-style models) returns the library's raw prediction, anything else labels.
    /// - Throws: `not_implemented` naming the flavors present when none is one Cairn loads; `invalid_argument` when the
    ///   flavor names no data file or one outside the directory.
    func model() throws -> (format: ModelFormat, path: String, pyfunc: PyfuncPrediction) {
        guard let (flavor, format) = Self.loadable.first(where: { flavors[$0.flavor] != nil }) else {
            let present = flavors.keys.sorted().joined(separator: ", ")
            throw CairnError(.notImplemented, "the MLflow model has no onnx, xgboost or lightgbm flavor (it has: \(present.isEmpty ? "none" : present))")
        }
        guard let data = flavors[flavor]?.data, !data.isEmpty else {
            throw CairnError.invalid("the MLflow model's \(flavor) flavor names no data file")
        }
        guard !data.hasPrefix("/"), !data.split(separator: "/").contains("..") else {
            throw CairnError.invalid("the MLflow model's data file '\(data)' is outside its directory")
        }
        let modelClass = flavors[flavor]?.modelClass
        let booster = format != .onnx && (modelClass == nil || modelClass!.hasSuffix(".Booster"))
        return (format, data, booster ? .boosterOutput : .labels)
    }
}
