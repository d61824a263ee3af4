import CairnAPI
import CairnML
import CairnMonitoring
import CairnServer
import CairnServing
import CairnTesting
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Monitoring a prediction log of real data (the electricity market data set): drift is found where the data
/// moved, and not between two samples of one period.
struct MonitorRealDataTests {
    static let columns = ["nswprice", "nswdemand", "vicprice", "vicdemand", "transfer"]

    /// The rows of elec2 at `indices`, as a table of the tested columns.
    static func rows(_ table: Table, _ indices: [Int]) throws -> Table {
        try Table(columns.map { try table.column(named: $0).selecting(indices) })
    }

    /// Logs `table` as requests of 40 rows each, made from `start` on.
    static func log(_ table: Table, prefix: String, start: Int64, into store: any PredictionSink) async throws {
        var records: [PredictionRecord] = []
        for first in stride(from: 0, to: table.rowCount, by: 40) {
            let part = table.selecting(rows: Array(first..<min(first + 40, table.rowCount)))
            let object = Dictionary(uniqueKeysWithValues: part.columns.map { ($0.name, $0.doubles()) })
            let inputs = String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
            records.append(
                PredictionRecord(
                    requestID: "\(prefix)-\(first)", deployment: "elec", model: "m", version: "1", inputs: inputs,
                    outputs: #"{"prediction": [0]}"#, latencyMicros: 1, time: start + Int64(first)))
        }
        try await store.appendPredictions(records)
    }

    @Test func driftIsFoundWhereTheMarketMovedAndNotWithinOnePeriod() async throws {
        let path = SharedDatasets.path("elec2_electricity.csv", from: URL(fileURLWithPath: #filePath).deletingLastPathComponent())
        let elec = try CSVReader.read(path: path)
        let store = try await TestStores.store(.sqlite)
        let now = Int64(Date().timeIntervalSince1970 * 1000)
        try await store.createDeployment(Deployment(name: "elec", spec: .init(routes: [.init(model: "models:/m/1", weight: 1)]), creationTime: now, lastUpdateTime: now))
        // Given a reference of the even rows of the first 4,000 (May 1996), the odd rows of the same period logged two
        // hours ago, and 2,000 rows of late 1998 logged in the last half hour
        let reference = try ReferenceProfile(try Self.rows(elec, Array(stride(from: 0, to: 4000, by: 2))))
        try await Self.log(try Self.rows(elec, Array(stride(from: 1, to: 4000, by: 2))), prefix: "same", start: now - 7_200_000, into: store)
        try await Self.log(try Self.rows(elec, Array(40_000..<42_000)), prefix: "late", start: now - 1_800_000, into: store)
        let profile = String(decoding: try reference.encoded(), as: UTF8.self)

        let router = CairnApplication.makeRouter(
            store: store, artifacts: try TestStores.artifacts(), configuration: ServerConfiguration(maxBodySize: 64 << 20), metrics: TestApp.metrics)
        try await Application(router: router).test(.router) { client in
            // When the window of the same period is tested, no column drifts
            let same = try await MonitoringRoutesTests.api(
                client, .post, Routes.deployments + "/elec/drift", #"{"reference": \#(profile), "start": \#(now - 7_200_000), "end": \#(now - 3_600_000)}"#)
            #expect(same.status == .ok)
            #expect(same.json["dataset_drift"] as? Bool == false)
            #expect(same.json["drifted_count"] as? Int == 0)

            // A profile of the logged same-period window holds its 2,000 rows, and the late window drifts against it
            let logged = try await MonitoringRoutesTests.api(
                client, .get, Routes.deployments + "/elec/profile?start=\(now - 7_200_000)&end=\(now - 3_600_000)")
            #expect(logged.status == .ok)
            let loggedProfile = try ReferenceProfile.decode(Data(buffer: logged.body))
            #expect(loggedProfile.rowCount == 2000 && loggedProfile.columns.map(\.name) == Self.columns.sorted())
            let late = try await MonitoringRoutesTests.api(
                client, .post, Routes.deployments + "/elec/drift",
                #"{"reference": \#(String(buffer: logged.body)), "start": \#(now - 3_600_000), "end": \#(now + 1)}"#)
            #expect(late.json["dataset_drift"] as? Bool == true)
            #expect(try await MonitoringRoutesTests.api(client, .get, Routes.deployments + "/elec/profile?start=0").status == .badRequest)

            // When a monitor of the last hour runs, the late data drifts and an alert opens
            let created = try await MonitoringRoutesTests.api(
                client, .post, Routes.monitors, #"{"name": "elec-drift", "deployment": "elec", "window": "1h", "reference": \#(profile), "drift": {}}"#)
            #expect(created.status == .ok)
            let response = try await MonitoringRoutesTests.api(client, .post, Routes.monitors + "/elec-drift/run")
            let run = try JSONDecoder().decode(MonitorRunResponse.self, from: Data(buffer: response.body)).run
            #expect(run.rows == 2000 && run.status == "failed")
            let drift = try #require(run.checks.first { $0.name == "drift" })
            #expect(drift.status == "failed" && (drift.value ?? 0) >= 0.5)
            let alerts = try JSONDecoder().decode(AlertsResponse.self, from: Data(buffer: try await MonitoringRoutesTests.api(client, .get, Routes.alerts).body))
            #expect(alerts.alerts.map(\.status) == ["open"])
        }
    }
}
