import CairnCore
import CairnServing
import Foundation
import GRPCCore

/// The Open Inference Protocol's gRPC service (`inference.GRPCInferenceService`) over the endpoints of a
/// ``ServingService``: the answers of the REST routes, for gRPC clients such as `tritonclient.grpc`. Outputs travel
/// as `raw_output_contents`, as Triton sends them; inputs may come typed or raw.
public struct InferenceGRPCService: Inference_GRPCInferenceService.SimpleServiceProtocol {
    let serving: ServingService
    let serverVersion: String

    /// A service over `serving`, reporting `serverVersion` in its server metadata.
    public init(serving: ServingService, serverVersion: String) {
        self.serving = serving
        self.serverVersion = serverVersion
    }

    public func serverLive(request: Inference_ServerLiveRequest, context: ServerContext) async throws -> Inference_ServerLiveResponse {
        .with { $0.live = true }
    }

    public func serverReady(request: Inference_ServerReadyRequest, context: ServerContext) async throws -> Inference_ServerReadyResponse {
        let ready = await serving.isReady()
        return .with { $0.ready = ready }
    }

    public func modelReady(request: Inference_ModelReadyRequest, context: ServerContext) async throws -> Inference_ModelReadyResponse {
        let ready = try await GRPCErrors.mapping { try await serving.status(of: request.name, version: Self.version(request.version)).isReady }
        return .with { $0.ready = ready }
    }

    public func serverMetadata(
        request: Inference_ServerMetadataRequest, context: ServerContext
    ) async throws -> Inference_ServerMetadataResponse {
        .with {
            $0.name = "cairn"
            $0.version = serverVersion
        }
    }

    public func modelMetadata(
        request: Inference_ModelMetadataRequest, context: ServerContext
    ) async throws -> Inference_ModelMetadataResponse {
        try await GRPCErrors.mapping {
            let status = try await serving.status(of: request.name, version: Self.version(request.version))
            guard let model = status.model else {
                throw CairnError(.unavailable, "Model '\(request.name)' version \(status.version) is not ready: \(status.problem ?? "loading")")
            }
            let versions = try await serving.versions(of: request.name).map(\.version)
            return .with {
                $0.name = request.name
                $0.versions = versions
                $0.platform = model.platform
                $0.inputs = model.signature.inputs.map { input in
                    .with {
                        $0.name = input.name
                        $0.datatype = (input.isCategorical ? TensorDatatype.bytes : .fp64).rawValue
                        $0.shape = [-1]
                    }
                }
                $0.outputs = model.signature.outputs.map { output in
                    .with {
                        $0.name = output.name
                        $0.datatype = output.datatype.rawValue
                        $0.shape = output.shape.map(Int64.init)
                    }
                }
            }
        }
    }

    public func modelInfer(request: Inference_ModelInferRequest, context: ServerContext) async throws -> Inference_ModelInferResponse {
        try await GRPCErrors.mapping {
            let inputs = try GRPCTensors.inputs(request)
            let requestID = request.id.isEmpty ? UUID().uuidString : request.id
            let result = try await serving.infer(
                request.modelName,
                InferenceRequest(
                    id: requestID, input: .tensors(inputs), version: Self.version(request.modelVersion),
                    timeout: try GRPCTensors.timeout(request.parameters)))
            let requested = request.outputs.isEmpty ? nil : request.outputs.map(\.name)
            let outputs = try PredictionOutput.tensors(result.predictions, classes: result.model.predictor.classes, requested: requested)
            return .with {
                $0.modelName = request.modelName
                $0.modelVersion = result.model.version
                $0.id = request.id
                $0.outputs = outputs.map { tensor in
                    .with {
                        $0.name = tensor.name
                        $0.datatype = tensor.datatype.rawValue
                        $0.shape = tensor.shape.map(Int64.init)
                    }
                }
                $0.rawOutputContents = outputs.map { Data(TensorBytes.encode($0)) }
            }
        }
    }

    /// A requested version; the empty string (protobuf's unset) lets the endpoint choose.
    private static func version(_ text: String) -> String? { text.isEmpty ? nil : text }
}
