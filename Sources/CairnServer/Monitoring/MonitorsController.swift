import CairnAPI
import CairnCore
import CairnMonitoring
import Foundation
import Hummingbird

/// Cairn's monitors API: declare, list, show, delete, run now, read the history of runs, and the report of the
/// latest run (HTML or JSON).
struct MonitorsController {
    let monitors: MonitorService
    let maxBodySize: Int

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.monitors)).add(middleware: MLflowErrorMiddleware())
        group.post { request, _ in
            let body = try await MonitoringJSON.decode(MonitorBody.self, request, limit: maxBodySize)
            let monitor = try await monitors.create(name: body.name, spec: try MonitoringMapping.spec(body))
            return try MLflowJSON.response(MonitorResponse(monitor: MonitoringMapping.body(monitor)))
        }
        group.get { _, _ in
            try MLflowJSON.response(MonitorsResponse(monitors: try await monitors.list().map(MonitoringMapping.body)))
        }
        group.get("{name}") { _, context in
            try MLflowJSON.response(MonitorResponse(monitor: MonitoringMapping.body(try await monitors.get(context.parameters.require("name")))))
        }
        group.delete("{name}") { _, context in
            try await monitors.delete(context.parameters.require("name"))
            return try MLflowJSON.response([String: String]())
        }
        group.post("{name}/run") { _, context in
            try MLflowJSON.response(MonitorRunResponse(run: MonitoringMapping.body(try await monitors.run(context.parameters.require("name")))))
        }
        group.get("{name}/runs") { request, context in
            let runs = try await monitors.history(context.parameters.require("name"), limit: try request.intQuery("limit", default: 20))
            return try MLflowJSON.response(MonitorRunsResponse(runs: try runs.map(MonitoringMapping.body)))
        }
        group.get("{name}/report") { request, context in
            let format = request.query("format") ?? "html"
            guard format == "html" || format == "json" else { throw CairnError.invalid("format must be html or json, not '\(format)'") }
            let report = try await monitors.report(context.parameters.require("name"))
            guard format == "html" else { return try MLflowJSON.response(report) }
            return Response(
                status: .ok, headers: [.contentType: "text/html; charset=utf-8"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: HTMLReport.render(report))))
        }
    }
}
