import CairnAPI
import CairnML
import CairnMonitoring
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Performance from the prediction log and late labels, monitors, alerts and webhooks, through the API of a
/// server that serves a real model.
struct MonitoringRoutesTests {
    /// Scores `count` requests `req-0`… through deployment `d` (the model predicts class 1 for them) and waits
    /// until they are logged.
    static func predict(_ client: any TestClientProtocol, count: Int) async throws {
        _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
        for index in 0..<count {
            _ = try await client.execute(
                uri: "/deployments/d/invocations", method: .post,
                headers: [.contentType: "application/json", .init("X-Request-Id")!: "req-\(index)"],
                body: ByteBuffer(string: #"{"instances": [{"x": 9.5, "y": 9, "color": "blue"}]}"#))
        }
        #expect(try await PredictionLogRoutesTests.logged(client, count: count).count == count)
    }

    static func label(_ client: any TestClientProtocol, _ labels: [Int]) async throws {
        let items = labels.enumerated().map { #"{"request_id": "req-\#($0)", "label": \#($1)}"# }
        let response = try await client.deployments(.post, "/d/labels", #"{"labels": [\#(items.joined(separator: ", "))]}"#)
        #expect(response.json["unknown_request_ids"] as? [String] == [])
    }

    static func api(_ client: any TestClientProtocol, _ method: HTTPRequest.Method, _ uri: String, _ json: String? = nil) async throws -> TestResponse {
        try await client.execute(uri: uri, method: method, headers: [.contentType: "application/json"], body: json.map { ByteBuffer(string: $0) })
    }

    @Test func performanceJoinsLateLabelsPerVersion() async throws {
        try await DeploymentTestApp.run { client, _ in
            // Given four logged predictions of class 1, three labeled 1 and one labeled 0
            try await Self.predict(client, count: 4)
            let unlabeled = try await client.deployments(.get, "/d/performance?window=1h")
            #expect((unlabeled.json["windows"] as? [[String: Any]])?.first?["skip_reason"] as? String == "no labels yet")
            try await Self.label(client, [1, 1, 1, 0])
            // When the performance is asked for
            let response = try await client.deployments(.get, "/d/performance?window=1h")
            // Then version 1's window holds scikit-learn's definitions: precision 3/4, recall 1, F1 6/7
            #expect(response.status == .ok)
            let body = try JSONDecoder().decode(PerformanceResponse.self, from: Data(buffer: response.body))
            #expect(body.task == "classification" && body.window == "1h")
            let window = try #require(body.windows.first)
            #expect(body.windows.count == 1 && window.version == "1" && window.predictions == 4 && window.labeled == 4)
            #expect(window.metrics["accuracy"] == 0.75 && window.metrics["precision"] == 0.75 && window.metrics["recall"] == 1)
            #expect(abs((window.metrics["f1"] ?? 0) - 6.0 / 7.0) < 1e-15)
            #expect(window.metrics["auc"] != nil && window.metrics["log_loss"] != nil)

            #expect(try await client.deployments(.get, "/nope/performance").status == .notFound)
            #expect(try await client.deployments(.get, "/d/performance?window=5x").status == .badRequest)
            #expect(try await client.deployments(.get, "/d/performance?start=later").status == .badRequest)
        }
    }

    @Test func driftOfALoggedWindowAgainstAReferenceProfile() async throws {
        try await DeploymentTestApp.run { client, _ in
            try await Self.predict(client, count: 30)
            // Given a reference in which x spreads over 0..<30 and color is mostly red
            let reference = try ReferenceProfile(
                try Table([
                    Column("x", doubles: (0..<300).map { Double($0 % 30) }), Column("y", doubles: (0..<300).map { Double($0 % 7) }),
                    Column("color", strings: (0..<300).map { $0 % 3 == 0 ? "blue" : "red" }),
                ]))
            let profile = String(decoding: try reference.encoded(), as: UTF8.self)
            // When the last hour of logged inputs (constant x = 9.5, color blue) is tested
            let now = Int64(Date().timeIntervalSince1970 * 1000)
            let response = try await client.deployments(
                .post, "/d/drift", #"{"reference": \#(profile), "start": \#(now - 3_600_000), "end": \#(now + 1000)}"#)
            // Then the dataset drifted
            #expect(response.status == .ok)
            #expect(response.json["dataset_drift"] as? Bool == true)
            #expect(((response.json["columns"] as? [String: Any])?["x"] as? [String: Any])?["drifted"] as? Bool == true)
            // An empty window is a clear error
            let empty = try await client.deployments(.post, "/d/drift", #"{"reference": \#(profile), "start": 0, "end": 1000}"#)
            #expect(empty.status == .badRequest && empty.message.contains("No predictions"))
            let bad = try await client.deployments(.post, "/d/drift", #"{"reference": {"format": "x"}, "start": 0, "end": 1000}"#)
            #expect(bad.status == .badRequest)

            // A drift monitor on the same reference fails its drift check, and its report shows the run
            let created = try await Self.api(
                client, .post, Routes.monitors, #"{"name": "inputs", "deployment": "d", "window": "1h", "reference": \#(profile), "drift": {}, "quality": {}}"#)
            #expect(created.status == .ok)
            #expect(created.json["monitor"].map { ($0 as? [String: Any])?["reference"] == nil } == true, "the profile is not echoed")
            #expect(try await Self.api(client, .get, Routes.monitors + "/inputs/report").status == .notFound, "no run yet")
            let run = try JSONDecoder().decode(MonitorRunResponse.self, from: Data(buffer: try await Self.api(client, .post, Routes.monitors + "/inputs/run").body)).run
            #expect(run.status == "failed" && run.rows == 30)
            #expect(run.checks.first { $0.name == "drift" }?.status == "failed")
            #expect(run.checks.contains { $0.name == "quality.x.out_of_range" || $0.name.hasPrefix("quality.") })
            let html = try await Self.api(client, .get, Routes.monitors + "/inputs/report")
            #expect(html.status == .ok && html.headers[.contentType] == "text/html; charset=utf-8")
            let page = String(buffer: html.body)
            #expect(page.contains("Drift over time") && page.contains("<polyline") && page.contains("<h2>Distributions</h2>"))
            let json = try await Self.api(client, .get, Routes.monitors + "/inputs/report?format=json")
            #expect((json.json["driftHistory"] as? [Any])?.count == 1)
            #expect(try await Self.api(client, .get, Routes.monitors + "/inputs/report?format=pdf").status == .badRequest)
        }
    }

    @Test func aFailingMonitorOpensOneAlertNotifiesWebhooksAndAPassingRunResolvesIt() async throws {
        let receiver = WebhookReceiver()
        try await receiver.run { hook in
            try await DeploymentTestApp.run(webhooks: .init(maxAttempts: 3, initialBackoff: .milliseconds(20))) { client, _, monitoring in
                try await Self.predict(client, count: 4)
                try await Self.label(client, [1, 1, 1, 0])
                // Given a monitor requiring accuracy 0.9, with a live webhook and one nobody listens on
                let down = "http://127.0.0.1:1/hook"
                let created = try await Self.api(
                    client, .post, Routes.monitors,
                    #"{"name": "acc", "deployment": "d", "window": "1h", "performance": [{"metric": "accuracy", "min": 0.9}], "webhooks": ["\#(hook)", "\#(down)"]}"#)
                #expect(created.status == .ok)
                // When it runs twice while accuracy is 0.75
                for _ in 0..<2 {
                    let run = try await Self.api(client, .post, Routes.monitors + "/acc/run")
                    let body = try JSONDecoder().decode(MonitorRunResponse.self, from: Data(buffer: run.body)).run
                    #expect(body.status == "failed")
                    #expect(body.checks.map(\.name) == ["performance.accuracy[churn/1]"])
                    #expect(body.checks.first?.value == 0.75)
                }
                // Then one alert is open and the live webhook heard of it once
                let opened = try await receiver.wait { $0.count >= 1 }
                #expect(opened.count == 1 && opened.first?["event"] as? String == "opened")
                #expect((opened.first?["alert"] as? [String: Any])?["monitor"] as? String == "acc")
                var alerts = try await monitoring.monitors.alertHistory(monitor: "acc", openOnly: false)
                #expect(alerts.count == 1 && alerts.first?.alert.status == .open)

                // When the late label is corrected and the monitor runs again
                try await Self.label(client, [1, 1, 1, 1])
                let passed = try await Self.api(client, .post, Routes.monitors + "/acc/run")
                #expect(try JSONDecoder().decode(MonitorRunResponse.self, from: Data(buffer: passed.body)).run.status == "passed")
                // Then the alert is resolved and the webhook told
                let events = try await receiver.wait { $0.count >= 2 }
                #expect(events.compactMap { $0["event"] as? String } == ["opened", "resolved"])

                // The down endpoint was tried three times per event, each failure recorded, without holding up the runs
                for _ in 0..<200 {
                    alerts = try await monitoring.monitors.alertHistory(monitor: nil, openOnly: false)
                    if alerts.first?.deliveries.filter({ $0.url == down }).count == 6 { break }
                    try await Task.sleep(for: .milliseconds(50))
                }
                let deliveries = try #require(alerts.first?.deliveries)
                #expect(deliveries.filter { $0.url == down }.map(\.attempt).sorted() == [1, 1, 2, 2, 3, 3])
                #expect(deliveries.filter { $0.url == down }.allSatisfy { $0.statusCode == nil && $0.error != nil })
                #expect(deliveries.filter { $0.url == hook }.map { $0.statusCode } == [200, 200])

                let listed = try await Self.api(client, .get, Routes.alerts + "?monitor=acc")
                let alertBodies = try JSONDecoder().decode(AlertsResponse.self, from: Data(buffer: listed.body)).alerts
                #expect(alertBodies.count == 1 && alertBodies.first?.status == "resolved" && alertBodies.first?.deliveries.count == 8)
                let metrics = String(buffer: try await client.execute(uri: "/metrics", method: .get).body)
                // (the count is not checked: swift-metrics is process-wide, and other suites run monitors named acc too)
                #expect(metrics.contains(#"cairn_monitor_runs_total{monitor="acc",trigger="manual",status="passed"}"#))
                #expect(metrics.contains("cairn_webhook_deliveries_total"))
                let runs = try await Self.api(client, .get, Routes.monitors + "/acc/runs?limit=10")
                #expect(try JSONDecoder().decode(MonitorRunsResponse.self, from: Data(buffer: runs.body)).runs.map(\.status) == ["passed", "failed", "failed"])
            }
        }
    }

    @Test func monitorsRejectBadDeclarationsAndUnknownNames() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
            let cases: [(String, HTTPResponse.Status)] = [
                (#"{"name": "m", "deployment": "nope", "window": "1h", "performance": [{"metric": "f1", "min": 0.5}]}"#, .notFound),
                (#"{"name": "m", "deployment": "d", "window": "1h"}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "drift": {}}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "performance": [{"metric": "fun", "min": 0.5}]}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "performance": [{"metric": "f1"}]}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "soon", "performance": [{"metric": "f1", "min": 0.5}]}"#, .badRequest),
                (#"{"name": "a b", "deployment": "d", "window": "1h", "performance": [{"metric": "f1", "min": 0.5}]}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "performance": [{"metric": "f1", "min": 0.5}], "webhooks": ["ftp://x"]}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "performance": [{"metric": "f1", "min": 0.5}], "webhooks": ["https://u:p@hooks.example/x"]}"#, .badRequest),
                (#"{"name": "m", "deployment": "d", "window": "1h", "performance": [{"metric": "f1", "min": 0.5}], "webhooks": ["http:///nohost"]}"#, .badRequest),
                (#"{"deployment": "d"}"#, .badRequest),
            ]
            for (json, status) in cases {
                #expect(try await Self.api(client, .post, Routes.monitors, json).status == status, "\(json)")
            }
            let good = #"{"name": "m", "deployment": "d", "window": "1h", "schedule": "15m", "performance": [{"metric": "f1", "min": 0.5}]}"#
            #expect(try await Self.api(client, .post, Routes.monitors, good).status == .ok)
            #expect(try await Self.api(client, .post, Routes.monitors, good).errorCode == "RESOURCE_ALREADY_EXISTS")
            let shown = try await Self.api(client, .get, Routes.monitors + "/m")
            let monitor = try JSONDecoder().decode(MonitorResponse.self, from: Data(buffer: shown.body)).monitor
            #expect(monitor.schedule == "15m" && monitor.performance == [MetricThresholdBody(metric: "f1", min: 0.5)])
            #expect((monitor.next_run ?? 0) % 900_000 == 0)
            // With no predictions, a run is skipped with the reason, and opens no alert
            let run = try await Self.api(client, .post, Routes.monitors + "/m/run")
            let body = try JSONDecoder().decode(MonitorRunResponse.self, from: Data(buffer: run.body)).run
            #expect(body.status == "skipped" && body.checks.first?.detail == "no predictions in the range")
            #expect(try await Self.api(client, .get, Routes.alerts).json["alerts"] as? [Any] != nil)
            #expect(try await Self.api(client, .get, Routes.alerts + "?status=maybe").status == .badRequest)
            #expect(try await Self.api(client, .get, Routes.monitors + "/x").status == .notFound)
            #expect(try await Self.api(client, .post, Routes.monitors + "/x/run").status == .notFound)
            #expect(try await Self.api(client, .get, Routes.monitors + "/m/runs?limit=0").status == .badRequest)
            #expect(try await Self.api(client, .delete, Routes.monitors + "/m").status == .ok)
            #expect(try await Self.api(client, .delete, Routes.monitors + "/m").status == .notFound)
        }
    }
}
