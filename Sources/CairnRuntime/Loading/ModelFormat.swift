import Foundation

/// The model file formats Cairn loads.
public enum ModelFormat: String, Sendable, Codable, CaseIterable {
    /// ONNX (`.onnx`), as skl2onnx and onnxmltools write it.
    case onnx
    /// XGBoost's JSON or UBJSON model (`save_model("m.json")`, `"m.ubj"`).
    case xgboost
    /// LightGBM's text model (`save_model("m.txt")`).
    case lightgbm
    /// Cairn's own model file (`.cairn`).
    case cairn

    /// The format of model bytes, told by their content rather than the file name; `nil` when none fits.
    public static func detect(_ data: Data) -> ModelFormat? {
        guard let first = data.first else { return nil }
        if data.starts(with: Array("tree".utf8)) { return .lightgbm }
        if first == UInt8(ascii: "{") {
            let head = data.prefix(4096)
            if head.range(of: Data("cairn.tabular-model".utf8)) != nil { return .cairn }
            return .xgboost
        }
        // An ONNX ModelProto starts with field 1 (ir_version, a varint): the byte 0x08.
        if first == 0x08 { return .onnx }
        return nil
    }
}
