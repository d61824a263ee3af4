import ArgumentParser
import CairnAPI
import CairnServer
import CairnTesting
import CairnTracking
import Foundation
import Hummingbird
import HummingbirdTesting
import Prometheus
import Testing

@testable import CairnCLI

/// `cairn deployments` against a live server: each command changes what it says, and failures exit with the
/// documented codes.
struct DeploymentsCommandTests {
    @Test func createUpdateRollbackAndDeleteADeployment() async throws {
        let store = try TestStores.store(.sqlite)
        try await TrackingService(experiments: store, runs: store).bootstrap()
        let router = CairnApplication.makeRouter(
            store: store, artifacts: try TestStores.artifacts(), configuration: ServerConfiguration(), metrics: PrometheusCollectorRegistry())
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await app.test(.live) { client in
            let uri = "http://127.0.0.1:\(try #require(client.port))"
            let model = try ModelFixtures.directory(with: try ModelFixtures.classifier()).path
            let deployments = DeploymentsClient(server: RemoteBackend(baseURL: URL(string: uri)!))

            try await runCairn(["deployments", "create", "d", "--route", "\(model)=1", "--sticky-header", "X-User", "--tracking-uri", uri])
            var shown = try await deployments.show("d")
            #expect(shown.ready && shown.sticky_key?.header == "X-User")

            try await runCairn([
                "deployments", "update", "d", "--route", "\(model)=3", "--route", "\(model)=0.5:shadow", "--clear-sticky-key",
                "--timeout-ms", "500", "--tracking-uri", uri,
            ])
            shown = try await deployments.show("d")
            #expect(shown.routes.map(\.role) == ["primary", "shadow"])
            #expect(shown.sticky_key == nil && shown.timeout_ms == 500 && shown.revision == 2)

            try await runCairn(["deployments", "rollback", "d", "--tracking-uri", uri, "--json"])
            #expect(try await deployments.show("d").routes == [DeploymentRouteBody(model: model, weight: 1, role: "primary")])
            try await runCairn(["deployments", "list", "--tracking-uri", uri])
            try await runCairn(["deployments", "delete", "d", "--tracking-uri", uri])
            #expect(try await deployments.list().isEmpty)

            await #expect(throws: ExitCode(3)) { try await runCairn(["deployments", "show", "d", "--tracking-uri", uri]) }
            await #expect(throws: ExitCode(2)) {
                try await runCairn(["deployments", "create", "e", "--route", "\(model)=-1", "--tracking-uri", uri])
            }
            await #expect(throws: ExitCode(2)) { try await runCairn(["deployments", "create", "e", "--route", "no-weight", "--tracking-uri", uri]) }
        }
    }

    @Test func deploymentsNeedAServer() async throws {
        await #expect(throws: ExitCode(2)) { try await runCairn(["deployments", "list"]) }
    }
}
