import CairnAPI
import CairnCore
import CairnServing
import Foundation
import Hummingbird

/// The Open Inference Protocol (KServe V2) REST routes over the endpoints of a ``ServingService``.
struct InferenceV2Controller {
    let serving: ServingService
    let serverVersion: String
    let maxBodySize: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.inferenceV2)).add(middleware: ServingErrorMiddleware.inferenceV2)
        let serverVersion = self.serverVersion
        group.get { _, _ in
            try ServingJSON.response(V2ServerMetadata(name: "cairn", version: serverVersion, extensions: ["binary_tensor_data", "schedule_policy"]))
        }
        group.get("health/live") { _, _ in try ServingJSON.response(V2LiveBody(live: true)) }
        group.get("health/ready") { _, _ in
            let ready = await serving.isReady()
            return try ServingJSON.response(V2ReadyBody(ready: ready), status: ready ? .ok : .serviceUnavailable)
        }
        for suffix in ["", "/versions/{version}"] {
            group.get(RouterPath("models/{name}\(suffix)")) { _, context in
                try await metadata(context.parameters.require("name"), version: context.parameters.get("version"))
            }
            group.get(RouterPath("models/{name}\(suffix)/ready")) { _, context in
                let name = try context.parameters.require("name")
                let ready = try await serving.status(of: name, version: context.parameters.get("version")).isReady
                return try ServingJSON.response(V2ModelReadyBody(name: name, ready: ready), status: ready ? .ok : .serviceUnavailable)
            }
            group.post(RouterPath("models/{name}\(suffix)/infer")) { request, context in
                try await infer(request, name: context.parameters.require("name"), version: context.parameters.get("version"))
            }
        }
    }

    private func metadata(_ name: String, version: String?) async throws -> Response {
        let metadata = try await serving.metadata(of: name, version: version)
        func wire(_ tensor: ModelMetadata.Tensor) -> V2TensorMetadata {
            V2TensorMetadata(name: tensor.name, datatype: tensor.datatype.rawValue, shape: tensor.shape)
        }
        return try ServingJSON.response(
            V2ModelMetadata(
                name: metadata.name, versions: metadata.versions, platform: metadata.platform, inputs: metadata.inputs.map(wire),
                outputs: metadata.outputs.map(wire)))
    }

    private func infer(_ request: Request, name: String, version: String?) async throws -> Response {
        let body = try await request.collectServingBody(limit: maxBodySize)
        let call = try InferenceRequestParsing.parse(
            body, jsonLength: request.headers[.inferenceHeaderContentLength])
        let requestID = call.id ?? UUID().uuidString
        let result = try await serving.infer(
            name, InferenceRequest(id: requestID, input: .tensors(call.inputs), version: version, headers: request.headerMap, timeout: call.timeout))
        let outputs = try PredictionOutput.tensors(
            result.predictions, classes: result.model.predictor.classes, requested: call.outputs?.map { $0.name })
        var binary: [UInt8] = []
        let wire = outputs.map { tensor in
            guard call.wantsBinary(tensor.name) else { return TensorMapping.wire(tensor) }
            let bytes = TensorBytes.encode(tensor)
            binary += bytes
            return TensorMapping.wire(tensor, binaryDataSize: bytes.count)
        }
        let response = V2InferenceResponse(model_name: name, model_version: result.model.version, id: call.id, outputs: wire)
        let headers = result.headers(requestID: requestID)
        return binary.isEmpty ? try ServingJSON.response(response, headers: headers) : try ServingJSON.binaryResponse(response, binary, headers: headers)
    }
}
