import CairnAPI
import CairnArtifacts
import CairnCore
import CairnTracking
import Foundation
import Hummingbird

/// MLflow's artifact proxy (`mlflow server --serve-artifacts`): uploads, downloads, listings and deletes under the
/// artifact root, plus the run-level `artifacts/list` RPC.
struct ArtifactsController {
    let store: any ArtifactStore
    let tracking: TrackingService

    /// Registers the proxy routes on the artifact service groups (`/api/2.0/mlflow-artifacts`).
    func registerProxy<Context: RequestContext>(on groups: [RouterGroup<Context>]) {
        let store = self.store
        for group in groups {
            group.put("/artifacts/**") { request, context -> Response in
                if request.uri.path.hasSuffix("/") { throw CairnError.invalid("Invalid path: an artifact path must name a file") }
                let path = try Self.catchAllPath(request, context)
                try await store.write(path, chunks: request.body.map { Array($0.readableBytesView) })
                return Response(status: .ok)
            }
            group.get("/artifacts/**") { request, context -> Response in
                let path = try Self.catchAllPath(request, context)
                let download = try await store.read(path)
                var headers = HTTPFields()
                headers[.contentType] = MediaTypes.guess(path.name)
                headers[.contentDisposition] = "attachment; filename=\(path.name)"
                headers[.init("X-Content-Type-Options")!] = "nosniff"
                let chunks = download.chunks
                return Response(
                    status: .ok, headers: headers,
                    body: ResponseBody(contentLength: Int(download.size)) { writer in
                        for try await chunk in chunks { try await writer.write(ByteBuffer(bytes: chunk)) }
                        try await writer.finish(nil)
                    })
            }
            group.get("/artifacts") { request, _ -> Response in
                let raw = request.uri.queryParameters["path"].map(String.init) ?? ""
                let files = try await store.list(try ArtifactPath(raw)) ?? []
                return try MLflowJSON.response(
                    MLflowListArtifactsResponse(
                        root_uri: nil,
                        files: files.isEmpty ? nil : files.map { MLflowFileInfo(path: $0.path, is_dir: $0.isDirectory, file_size: $0.size) }))
            }
            group.delete("/artifacts/**") { request, context -> Response in
                try await store.delete(try Self.catchAllPath(request, context))
                return try MLflowJSON.response(MLflowEmptyResponse())
            }
            for operation in ["create", "complete", "abort"] {
                group.post("/mpu/\(operation)/**") { _, _ -> Response in
                    throw CairnError(.notImplemented, "Multipart upload is not supported by this artifact store")
                }
            }
        }
    }

    /// Registers the tracking RPC `artifacts/list`, which lists a run's artifacts with run-relative paths.
    func registerRunListing<Context: RequestContext>(on routes: MLflowRoutes<Context>) {
        let store = self.store
        let tracking = self.tracking
        routes.on("/artifacts/list", .get) { request, _ in
            let run = try await tracking.run(id: try request.runID())
            let relative = try ArtifactPath(try request.string("path") ?? "")
            let root = run.info.artifactURI
            guard let base = try Self.proxiedPath(root) else {
                return MLflowListArtifactsResponse(root_uri: root, files: nil)
            }
            let files = try await store.list(base.appending(relative)) ?? []
            let prefix = relative.segments.isEmpty ? "" : "\(relative)/"
            return MLflowListArtifactsResponse(
                root_uri: root,
                files: files.isEmpty ? nil : files.map { MLflowFileInfo(path: prefix + $0.path, is_dir: $0.isDirectory, file_size: $0.size) })
        }
    }

    /// The store path behind an `mlflow-artifacts:` URI, or `nil` for URIs this server does not proxy.
    static func proxiedPath(_ uri: String) throws -> ArtifactPath? {
        guard uri.hasPrefix("mlflow-artifacts:") else { return nil }
        var rest = uri.dropFirst("mlflow-artifacts:".count)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2).drop { $0 != "/" }
        }
        return try ArtifactPath(String(rest.drop { $0 == "/" }))
    }

    /// The artifact path of a `**` route, percent-decoded segment by segment, then checked for traversal.
    /// An empty segment (`artifacts//tmp/x`, an absolute path) is refused rather than silently dropped.
    static func catchAllPath<Context: RequestContext>(_ request: Request, _ context: Context) throws -> ArtifactPath {
        if request.uri.path.contains("//") { throw CairnError.invalid("Invalid path") }
        let segments = try context.parameters.getCatchAll().map { segment -> String in
            guard let decoded = String(segment).removingPercentEncoding else { throw CairnError.invalid("Invalid path") }
            return decoded
        }
        if segments.contains(where: { $0.isEmpty }) { throw CairnError.invalid("Invalid path") }
        return try ArtifactPath(segments.joined(separator: "/"))
    }
}
