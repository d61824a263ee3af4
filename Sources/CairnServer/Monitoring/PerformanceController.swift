import CairnAPI
import CairnCore
import CairnMonitoring
import Foundation
import Hummingbird

/// A deployment's measured performance (logged predictions joined with late labels), the drift of a window of
/// its logged inputs, and a reference profile of such a window.
struct PerformanceController {
    let performance: PerformanceService
    let maxBodySize: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.deployments)).add(middleware: MLflowErrorMiddleware())
        group.get("{name}/performance") { request, context in
            let report = try await performance.performance(
                deployment: context.parameters.require("name"), window: try TimeWindow(request.query("window") ?? "1h"),
                start: try request.timeQuery("start"), end: try request.timeQuery("end"))
            return try MLflowJSON.response(MonitoringMapping.body(report))
        }
        group.get("{name}/profile") { request, context in
            guard let start = try request.timeQuery("start"), let end = try request.timeQuery("end") else {
                throw CairnError.invalid("Give start and end")
            }
            let profile = try await performance.profile(
                deployment: context.parameters.require("name"), start: start, end: end,
                maxPoints: try request.intQuery("max_points", default: ReferenceProfile.defaultMaxPoints))
            return Response(
                status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(data: try profile.encoded())))
        }
        group.post("{name}/drift") { request, context in
            let body = try await MonitoringJSON.decode(WindowDriftRequest.self, request, limit: maxBodySize)
            let report = try await performance.drift(
                deployment: context.parameters.require("name"), reference: try MonitoringMapping.profile(body.reference), start: body.start,
                end: body.end, options: DriftOptions(columns: body.columns, driftShare: body.drift_share ?? 0.5))
            return try MLflowJSON.response(MonitoringMapping.driftJSON(report))
        }
    }
}
