import CairnCore

/// The ONNX operators Cairn evaluates, and the operator set versions it accepts.
enum OperatorSet {
    /// The newest version of each domain Cairn accepts (`""` is `ai.onnx`).
    static let newestVersions: [String: Int64] = ["": 23, "ai.onnx.ml": 5]

    /// Builds the operator for a node.
    /// - Throws: `not_implemented` naming the operator when Cairn does not evaluate it; errors from the operator's
    ///   own checks of its attributes.
    static func make(_ node: NodeProto, opsets: [String: Int64]) throws -> any Operator {
        let attributes = NodeAttributes(node: node)
        if node.attributes.values.contains(where: \.hasUnsupportedValue) {
            throw attributes.unsupported("a graph, sparse tensor or type attribute")
        }
        switch (node.domain, node.opType) {
        case ("ai.onnx.ml", "TreeEnsembleClassifier"): return try TreeEnsembleClassifier(attributes)
        case ("ai.onnx.ml", "TreeEnsembleRegressor"): return try TreeEnsembleRegressor(attributes)
        case ("ai.onnx.ml", "TreeEnsemble"): return try TreeEnsembleRegressor(opset5: attributes)
        case ("ai.onnx.ml", "LinearClassifier"): return try LinearClassifier(attributes)
        case ("ai.onnx.ml", "LinearRegressor"): return try LinearRegressor(attributes)
        case ("ai.onnx.ml", "SVMRegressor"): return try SVMRegressor(attributes)
        case ("ai.onnx.ml", "SVMClassifier"): return try SVMClassifier(attributes)
        case ("ai.onnx.ml", "Scaler"): return try Scaler(attributes)
        case ("ai.onnx.ml", "Imputer"): return try Imputer(attributes)
        case ("ai.onnx.ml", "Normalizer"): return try Normalizer(attributes)
        case ("ai.onnx.ml", "OneHotEncoder"): return try OneHotEncoder(attributes)
        case ("ai.onnx.ml", "LabelEncoder"): return try LabelEncoder(attributes)
        case ("ai.onnx.ml", "Binarizer"): return Binarizer(attributes)
        case ("ai.onnx.ml", "ArrayFeatureExtractor"): return ArrayFeatureExtractor()
        case ("ai.onnx.ml", "ZipMap"), ("", "Identity"): return PassThrough()
        case ("", "Cast"): return try Cast(attributes)
        case ("", "Concat"): return try Concat(attributes)
        case ("", "Reshape"): return Reshape(attributes)
        case ("", "Flatten"): return Flatten(attributes)
        case ("", "Gather"): return Gather(attributes)
        case ("", "MatMul"): return MatMul()
        case ("", "Gemm"): return Gemm(attributes)
        case ("", "Softmax"): return Softmax(attributes, opset: opsets[""] ?? 1)
        case ("", "ArgMax"): return ArgMax(attributes)
        case ("", "Sum"): return Sum()
        default:
            if node.domain.isEmpty, let function = Unary.Function(rawValue: node.opType) { return Unary(function: function) }
            if node.domain.isEmpty, let function = Binary.Function(rawValue: node.opType) { return Binary(function: function) }
            if node.domain.isEmpty, let function = Comparison.Function(rawValue: node.opType) { return Comparison(function: function) }
            let name = node.domain.isEmpty ? node.opType : "\(node.domain).\(node.opType)"
            throw CairnError(.notImplemented, "the operator \(name) is not supported")
        }
    }

    /// Checks that every operator set the model imports is one Cairn knows.
    /// - Throws: `not_implemented` naming each unknown domain or too-new version.
    static func check(_ opsets: [String: Int64]) throws {
        let refused = opsets.sorted { $0.key < $1.key }.compactMap { domain, version -> String? in
            guard let newest = newestVersions[domain] else { return "domain '\(domain)'" }
            return version > newest ? "\(domain.isEmpty ? "ai.onnx" : domain) opset \(version) (newest supported: \(newest))" : nil
        }
        guard refused.isEmpty else { throw CairnError(.notImplemented, "the model uses \(refused.joined(separator: ", ")), which Cairn does not support") }
    }
}
