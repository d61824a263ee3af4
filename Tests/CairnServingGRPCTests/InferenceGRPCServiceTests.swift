import CairnCore
import CairnML
import CairnRuntime
import CairnServing
import CairnServingGRPC
import CairnTesting
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import ServiceLifecycle
import Testing

/// The gRPC twin of the Open Inference Protocol, over a real HTTP/2 connection on loopback.
struct InferenceGRPCServiceTests {
    /// Serves the boosted classifier fixture as `churn` over gRPC and runs `body` with a client to it.
    private func withServer(_ body: @escaping @Sendable (Inference_GRPCInferenceService.Client<HTTP2ClientTransport.Posix>) async throws -> Void) async throws {
        let directory = try ModelFixtures.directory(with: try ModelFixtures.classifier())
        let endpoint = await StandaloneEndpoint.load(
            .path(directory.path), name: "churn", source: try Self.noSource(), loader: RuntimePredictorLoader())
        let server = GRPCInferenceServer(
            host: "127.0.0.1", port: 0, serving: ServingService(directory: FixedEndpointDirectory([endpoint])), serverVersion: "test",
            maxMessageSize: 1 << 20)
        let group = ServiceGroup(services: [server], logger: Logger(label: "test"))
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let port = try await server.listeningPort
            try await withGRPCClient(
                transport: .http2NIOPosix(target: .ipv4(address: "127.0.0.1", port: port), transportSecurity: .plaintext)
            ) { client in
                try await body(Inference_GRPCInferenceService.Client(wrapping: client))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }

    private static func noSource() throws -> any ModelSource { throw CairnError.invalid("no model source in this test") }

    /// Two rows as typed contents: x, y as FP64 and color as BYTES.
    private static func typedRequest() -> Inference_ModelInferRequest {
        .with {
            $0.modelName = "churn"
            $0.id = "r1"
            $0.inputs = [
                .with { $0.name = "x"; $0.datatype = "FP64"; $0.shape = [2]; $0.contents.fp64Contents = [9.5, 0.5] },
                .with { $0.name = "y"; $0.datatype = "FP64"; $0.shape = [2]; $0.contents.fp64Contents = [9.0, 0.5] },
                .with { $0.name = "color"; $0.datatype = "BYTES"; $0.shape = [2]; $0.contents.bytesContents = [Data("blue".utf8), Data("green".utf8)] },
            ]
        }
    }

    @Test func healthMetadataAndInferenceAnswerLikeTheRESTRoutes() async throws {
        try await withServer { inference in
            // Then the server is live and ready, and the model ready with its metadata
            #expect(try await inference.serverLive(.init()).live)
            #expect(try await inference.serverReady(.init()).ready)
            #expect(try await inference.modelReady(.with { $0.name = "churn" }).ready)
            let metadata = try await inference.modelMetadata(.with { $0.name = "churn" })
            #expect(metadata.inputs.map(\.name).sorted() == ["color", "x", "y"])
            #expect(metadata.outputs.map(\.name).contains("label"))

            // When two rows are sent as typed contents
            let response = try await inference.modelInfer(Self.typedRequest())
            // Then the labels and probabilities come back raw, as the model predicts them
            #expect(response.id == "r1" && response.modelName == "churn")
            let names = response.outputs.map(\.name)
            let probabilities = try #require(names.firstIndex(of: "probabilities"))
            #expect(response.outputs[probabilities].shape == [2, 2])
            let raw = response.rawOutputContents[probabilities]
            let values = stride(from: 0, to: raw.count, by: 8).map { offset in
                Double(bitPattern: raw[raw.startIndex + offset..<raw.startIndex + offset + 8].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })
            }
            #expect(values.count == 4)
            #expect(values[1] > 0.5 && values[3] < 0.5)

            // And the same rows sent raw give the same answer
            var rawRequest = Self.typedRequest()
            rawRequest.rawInputContents = rawRequest.inputs.map { input in
                input.datatype == "BYTES"
                    ? Data(input.contents.bytesContents.flatMap { withUnsafeBytes(of: UInt32($0.count).littleEndian, Array.init) + Array($0) })
                    : Data(input.contents.fp64Contents.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) })
            }
            for index in rawRequest.inputs.indices { rawRequest.inputs[index].clearContents() }
            #expect(try await inference.modelInfer(rawRequest).rawOutputContents == response.rawOutputContents)
        }
    }

    @Test func badRequestsGetPreciseStatusCodes() async throws {
        try await withServer { inference in
            // An unknown model is not found
            await #expect(throws: RPCError.self) { try await inference.modelInfer(.with { $0.modelName = "nope" }) }
            do {
                _ = try await inference.modelInfer(.with { $0.modelName = "nope" })
            } catch let error as RPCError {
                #expect(error.code == .notFound)
            }
            // A shape that disagrees with the contents, and an unknown datatype, are invalid arguments naming the input
            var wrongShape = Self.typedRequest()
            wrongShape.inputs[0].shape = [3]
            var wrongType = Self.typedRequest()
            wrongType.inputs[1].datatype = "FP128"
            var hugeShape = Self.typedRequest()
            hugeShape.inputs[0].shape = [1 << 32, 1 << 32]
            for request in [wrongShape, wrongType, hugeShape] {
                do {
                    _ = try await inference.modelInfer(request)
                    Issue.record("a bad request was answered")
                } catch let error as RPCError {
                    #expect(error.code == .invalidArgument)
                    #expect(error.message.contains("Input '\(request == wrongType ? "y" : "x")'"))
                }
            }
            // And the server keeps answering
            #expect(try await inference.modelInfer(Self.typedRequest()).outputs.count >= 2)
        }
    }
}
