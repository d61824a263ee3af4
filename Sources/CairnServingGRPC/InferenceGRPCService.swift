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
        let metadata = try await GRPCErrors.mapping { try await serving.metadata(of: request.name, version: Self.version(request.version)) }
        func wire(_ tensor: ModelMetadata.Tensor) -> Inference_ModelMetadataResponse.TensorMetadata {
            .with {
                $0.name = tensor.name
                $0.datatype = tensor.datatype.rawValue
                $0.shape = tensor.shape.map(Int64.init)
            }
        }
        return .with {
            $0.name = metadata.name
            $0.versions = metadata.versions
            $0.platform = metadata.platform
            $0.inputs = metadata.inputs.map(wire)
            $0.outputs = metadata.outputs.map(wire)
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
