import ArgumentParser
import CairnAPI
import CairnMonitoring
import CairnServer
import CairnServing
import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import CairnCLI

/// `cairn monitor performance`, `cairn monitors` and `cairn alerts` against a live server whose prediction log
/// holds labeled predictions.
struct MonitorsCommandTests {
    @Test func performanceMonitorsAndAlertsFromTheCommandLine() async throws {
        let store = try await TestStores.store(.sqlite)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await store.createDeployment(
            Deployment(name: "d", spec: .init(routes: [.init(model: "models:/m/1", weight: 1)]), creationTime: now, lastUpdateTime: now))
        // Given four predictions of class 1 in the last minute, three of them right
        try await store.appendPredictions((0..<4).map {
            PredictionRecord(
                requestID: "r\($0)", deployment: "d", model: "m", version: "1", inputs: #"{"x": [1.5]}"#,
                outputs: #"{"label": ["1"], "probability(0)": [0.3], "probability(1)": [0.7]}"#, latencyMicros: 5, time: now - 60_000 + Int64($0))
        })
        for (index, label) in [1, 1, 1, 0].enumerated() {
            #expect(try await store.recordLabel(deployment: "d", requestID: "r\(index)", label: String(label), time: now))
        }
        let router = CairnApplication.makeRouter(
            store: store, artifacts: try TestStores.artifacts(), configuration: ServerConfiguration(), metrics: PrometheusCollectorRegistry())
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let uri = "http://127.0.0.1:\(try #require(client.port))"
            let api = MonitoringClient(server: RemoteBackend(baseURL: URL(string: uri)!))
            try await runCairn(["monitor", "performance", "--deployment", "d", "--tracking-uri", uri])
            try await runCairn(["monitor", "performance", "--deployment", "d", "--window", "1d", "--json", "--tracking-uri", uri])
            #expect(try await api.performance(deployment: "d", window: "1h", start: nil, end: nil).windows.first?.metrics["accuracy"] == 0.75)

            // When a monitor requiring accuracy 0.9 is declared and run, the run fails (exit 6) and an alert opens
            try await runCairn(["monitors", "create", "acc", "--deployment", "d", "--metric", "accuracy>=0.9", "--schedule", "1h", "--tracking-uri", uri])
            await #expect(throws: ExitCode(6)) { try await runCairn(["monitors", "run", "acc", "--tracking-uri", uri]) }
            try await runCairn(["monitors", "list", "--tracking-uri", uri])
            try await runCairn(["monitors", "show", "acc", "--tracking-uri", uri])
            try await runCairn(["monitors", "history", "acc", "--tracking-uri", uri])
            try await runCairn(["alerts", "list", "--open", "--tracking-uri", uri])
            #expect(try await api.history("acc", limit: 5).map(\.status) == ["failed"])
            let alerts = try await api.alerts(monitor: "acc", openOnly: true, limit: 10)
            #expect(alerts.count == 1 && alerts.first?.summary.contains("below the minimum 0.9") == true)
            #expect(try await api.show("acc").schedule == "1h")

            // Bad input and unknown names exit with the documented codes
            await #expect(throws: ExitCode(2)) {
                try await runCairn(["monitors", "create", "b", "--deployment", "d", "--metric", "accuracy=0.9", "--tracking-uri", uri])
            }
            await #expect(throws: ExitCode(2)) { try await runCairn(["monitors", "create", "b", "--deployment", "d", "--drift", "--tracking-uri", uri]) }
            await #expect(throws: ExitCode(3)) {
                try await runCairn(["monitors", "create", "b", "--deployment", "nope", "--metric", "f1>=0.5", "--tracking-uri", uri])
            }
            await #expect(throws: ExitCode(4)) {
                try await runCairn(["monitors", "create", "acc", "--deployment", "d", "--metric", "f1>=0.5", "--tracking-uri", uri])
            }
            await #expect(throws: ExitCode(3)) { try await runCairn(["monitors", "show", "nope", "--tracking-uri", uri]) }
            await #expect(throws: ExitCode(3)) { try await runCairn(["monitor", "performance", "--deployment", "nope", "--tracking-uri", uri]) }
            // A reference profile of the logged window, made by the server
            let output = try TestStores.temporaryDirectory().appendingPathComponent("logged.profile.json").path
            try await runCairn([
                "monitor", "profile", "--deployment", "d", "--start", String(now - 3_600_000), "--end", String(now), "--output", output, "--tracking-uri", uri,
            ])
            let profile = try ReferenceProfile.decode(try Data(contentsOf: URL(fileURLWithPath: output)))
            #expect(profile.rowCount == 4 && profile.columns.map(\.name) == ["x"])
            await #expect(throws: ExitCode(2)) {
                try await runCairn(["monitor", "profile", "--deployment", "d", "--start", "0", "--end", "1000", "--output", output, "--tracking-uri", uri])
            }
            // A drift monitor against that profile passes on the same window, and its report is written
            try await runCairn([
                "monitors", "create", "inputs", "--deployment", "d", "--reference", output, "--drift", "--quality", "--tracking-uri", uri,
            ])
            try await runCairn(["monitors", "run", "inputs", "--tracking-uri", uri])
            let page = output + ".html"
            try await runCairn(["monitors", "report", "inputs", "--output", page, "--tracking-uri", uri])
            #expect(try String(contentsOfFile: page, encoding: .utf8).contains("Drift over time"))
            try await runCairn(["monitors", "report", "inputs", "--json", "--tracking-uri", uri])
            await #expect(throws: ExitCode(2)) { try await runCairn(["monitors", "report", "acc", "--json", "--tracking-uri", uri]) }
            try await runCairn(["monitors", "delete", "inputs", "--tracking-uri", uri])

            try await runCairn(["monitors", "delete", "acc", "--tracking-uri", uri])
            #expect(try await api.list().isEmpty)
            #expect(try await api.alerts(monitor: nil, openOnly: false, limit: 10).isEmpty)
        }
    }
}
