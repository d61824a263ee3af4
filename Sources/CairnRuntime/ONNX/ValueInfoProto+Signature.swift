extension ValueInfoProto {
    /// How a model signature shows this input or output.
    var signatureValue: ModelSignature.Value {
        switch type {
        case .tensor(let code, let shape):
            ModelSignature.Value(name: name, type: Tensor.DataType(rawValue: code)?.name ?? "type \(code)", shape: shape)
        case .sequence: ModelSignature.Value(name: name, type: "sequence<map>", shape: nil)
        case .map: ModelSignature.Value(name: name, type: "map", shape: nil)
        case .unknown: ModelSignature.Value(name: name, type: "unknown", shape: nil)
        }
    }
}
