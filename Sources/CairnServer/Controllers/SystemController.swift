import CairnCore
import Hummingbird
import Prometheus

/// Health, version, Prometheus metrics and MLflow's server-info probe.
struct SystemController {
    let version: String
    let metrics: PrometheusCollectorRegistry

    func register<Context: RequestContext>(on router: Router<Context>) {
        let version = self.version
        let metrics = self.metrics
        router.get("/health") { _, _ in "OK" }
        router.get("/version") { _, _ in version }
        router.get("/metrics") { _, _ in PrometheusText.response(metrics) }
        for path in ["/api/3.0/mlflow/server-info", "/api/2.0/mlflow/server-info"] {
            router.get(RouterPath(path)) { _, _ -> Response in
                try MLflowJSON.response(ServerInfo())
            }
        }
    }

    /// What MLflow's client learns from `server-info`: multipart transfers are off, so it uses single PUTs.
    struct ServerInfo: Encodable, Sendable {
        let store_type = "SqlStore"
        let workspaces_enabled = false
        let multipart_uploads_enabled = false
        let multipart_downloads_enabled = false
    }
}

/// The Prometheus text exposition of a registry.
enum PrometheusText {
    static func response(_ metrics: PrometheusCollectorRegistry) -> Response {
        Response(
            status: .ok, headers: [.contentType: "text/plain; version=0.0.4"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: metrics.emitToBuffer())))
    }
}
