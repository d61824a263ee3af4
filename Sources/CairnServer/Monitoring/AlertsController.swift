import CairnAPI
import CairnCore
import CairnMonitoring
import Hummingbird

/// Cairn's alerts API: alert history with each alert's webhook deliveries.
struct AlertsController {
    let monitors: MonitorService

    func register<Context: RequestContext>(on router: Router<Context>) {
        let group = router.group(RouterPath(Routes.alerts)).add(middleware: MLflowErrorMiddleware())
        group.get { request, _ in
            let status = request.query("status")
            guard status == nil || status == "open" || status == "all" else {
                throw CairnError.invalid("status must be open or all, not '\(status!)'")
            }
            let alerts = try await monitors.alertHistory(
                monitor: request.query("monitor"), openOnly: status == "open", limit: try request.intQuery("limit", default: 100))
            return try MLflowJSON.response(AlertsResponse(alerts: alerts.map { MonitoringMapping.body($0.alert, deliveries: $0.deliveries) }))
        }
    }
}
