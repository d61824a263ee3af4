import CairnCore

/// What the Open Inference Protocol's model metadata reports, whichever transport asks: the versions served, the
/// ready version's platform, and its inputs (`FP64`, or `BYTES` for a categorical feature, shape `[-1]`) and
/// outputs.
public struct ModelMetadata: Sendable {
    /// A tensor's name, datatype and shape (`-1` for a variable dimension).
    public struct Tensor: Sendable {
        public var name: String
        public var datatype: TensorDatatype
        public var shape: [Int]
    }

    public var name: String
    public var versions: [String]
    public var platform: String
    public var inputs: [Tensor]
    public var outputs: [Tensor]
}

extension ServingService {
    /// The metadata of an endpoint's version (`nil`: the default one).
    /// - Throws: `notFound` for an unknown endpoint or version; `unavailable` when the version is not ready.
    public func metadata(of name: String, version: String? = nil) async throws -> ModelMetadata {
        let status = try await status(of: name, version: version)
        guard let model = status.model else {
            throw CairnError(.unavailable, "Model '\(name)' version \(status.version) is not ready: \(status.problem ?? "loading")")
        }
        return ModelMetadata(
            name: name, versions: try await versions(of: name).map(\.version), platform: model.platform,
            inputs: model.signature.inputs.map { .init(name: $0.name, datatype: $0.isCategorical ? .bytes : .fp64, shape: [-1]) },
            outputs: model.signature.outputs.map { .init(name: $0.name, datatype: $0.datatype, shape: $0.shape) })
    }
}

extension TensorDatatype {
    /// The datatype a wire name stands for.
    /// - Throws: `invalidArgument` naming the input for an unknown datatype.
    public static func parse(_ name: String, input: String) throws -> TensorDatatype {
        guard let datatype = TensorDatatype(rawValue: name) else {
            throw CairnError.invalid(
                "Input '\(input)' has unknown datatype '\(name)'; expected one of \(allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return datatype
    }
}
