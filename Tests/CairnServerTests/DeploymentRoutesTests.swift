import CairnServing
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// Deployments hosted by the main server: the API, routing, rollback, alias following and shadows.
struct DeploymentRoutesTests {
    @Test func aDeploymentServesBothProtocolsAndNamesTheVersion() async throws {
        try await DeploymentTestApp.run { client, _ in
            let created = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
            #expect(created.status == .ok)
            let deployment = created.json["deployment"] as? [String: Any] ?? [:]
            #expect(deployment["ready"] as? Bool == true)
            #expect(deployment["revision"] as? Int == 1)
            #expect(try await client.scoreDeployment() == "churn/1")
            let infer = try await client.send(
                "/v2/models/d/infer", #"{"inputs": [{"name": "in", "shape": [1, 3], "datatype": "BYTES", "data": ["9.5", "9", "blue"]}]}"#)
            #expect(infer.status == .ok)
            #expect(infer.json["model_version"] as? String == "1")
            #expect(try await client.execute(uri: "/v2/models/d/ready", method: .get).status == .ok)
            let listed = try await client.deployments(.get).json["deployments"] as? [[String: Any]]
            #expect(listed?.map { $0["name"] as? String } == ["d"])
        }
    }

    @Test func weightsSplitTrafficAndChangeAtRunTime() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(
                #"[{"model": "models:/churn/1", "weight": 1}, {"model": "models:/churn/2", "weight": 1, "role": "canary"}]"#)
            var seen = Set<String>()
            for _ in 0..<60 { seen.insert(try await client.scoreDeployment() ?? "") }
            #expect(seen == ["churn/1", "churn/2"])
            let updated = try await client.deployments(
                .patch, "/d", #"{"routes": [{"model": "models:/churn/1", "weight": 0}, {"model": "models:/churn/2", "weight": 5, "role": "canary"}]}"#)
            #expect(updated.status == .ok)
            for _ in 0..<20 { #expect(try await client.scoreDeployment() == "churn/2") }
        }
    }

    @Test func aStickyHeaderAlwaysReachesTheSameVersion() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(
                #"[{"model": "models:/churn/1", "weight": 1}, {"model": "models:/churn/2", "weight": 1}]"#, #", "sticky_key": {"header": "X-User"}"#)
            var arms = Set<String>()
            for user in 0..<40 {
                let header: HTTPFields = [.init("X-User")!: "user-\(user)"]
                let first = try await client.scoreDeployment(headers: header)
                for _ in 0..<3 { #expect(try await client.scoreDeployment(headers: header) == first) }
                arms.insert(first ?? "")
            }
            #expect(arms == ["churn/1", "churn/2"])
        }
    }

    @Test func rollbackRestoresThePreviousRouting() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
            let noPrevious = try await client.deployments(.post, "/d/rollback")
            #expect(noPrevious.status == .badRequest)
            _ = try await client.deployments(.patch, "/d", #"{"routes": [{"model": "models:/churn/2", "weight": 1}]}"#)
            #expect(try await client.scoreDeployment() == "churn/2")
            let rolledBack = try await client.deployments(.post, "/d/rollback")
            #expect(rolledBack.status == .ok)
            #expect((rolledBack.json["deployment"] as? [String: Any])?["revision"] as? Int == 3)
            for _ in 0..<10 { #expect(try await client.scoreDeployment() == "churn/1") }
        }
    }

    @Test func anAliasIsFollowedWhenItMoves() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.post("/registered-models/alias", #"{"name": "churn", "alias": "champion", "version": "1"}"#)
            _ = try await client.createDeployment(#"[{"model": "models:/churn@champion", "weight": 1}]"#)
            #expect(try await client.scoreDeployment() == "churn/1")
            _ = try await client.post("/registered-models/alias", #"{"name": "churn", "alias": "champion", "version": "2"}"#)
            var answered: [String] = []
            for _ in 0..<1000 {
                let version = try await client.scoreDeployment() ?? ""
                answered.append(version)
                if version == "churn/2" { break }
                try await Task.sleep(for: .milliseconds(10))
            }
            #expect(answered.last == "churn/2")
            #expect(answered.allSatisfy { $0 == "churn/1" || $0 == "churn/2" }, "a request was dropped during the swap: \(answered)")
        }
    }

    @Test func aVersionThatFailsToLoadGetsNoTrafficAndShowsNotReady() async throws {
        try await DeploymentTestApp.run { client, _ in
            let created = try await client.createDeployment(
                #"[{"model": "models:/churn/1", "weight": 1}, {"model": "models:/churn/3", "weight": 100, "role": "canary"}]"#)
            let status = (created.json["deployment"] as? [String: Any])?["status"] as? [[String: Any]] ?? []
            #expect(status.map { $0["ready"] as? Bool } == [true, false])
            #expect((status[1]["problem"] as? String)?.contains("not a Cairn model file") == true)
            for _ in 0..<20 { #expect(try await client.scoreDeployment() == "churn/1") }
            _ = try await client.deployments(.patch, "/d", #"{"routes": [{"model": "models:/churn/3", "weight": 1}]}"#)
            #expect(try await client.scoreDeployment() == "HTTP 503")
            #expect(try await client.execute(uri: "/v2/models/d/ready", method: .get).status == .serviceUnavailable)
        }
    }

    @Test func aShadowGetsCopiesButNeverAnswers() async throws {
        try await DeploymentTestApp.run { client, serving in
            _ = try await client.createDeployment(
                #"[{"model": "models:/churn/1", "weight": 1}, {"model": "models:/churn/2", "weight": 1, "role": "shadow"}]"#)
            for _ in 0..<20 { #expect(try await client.scoreDeployment() == "churn/1") }
            let outcomes = serving.shadows.outcomes
            for _ in 0..<500 where outcomes.count(deployment: "d", version: "2", outcome: .answered) < 20 {
                try await Task.sleep(for: .milliseconds(20))
            }
            #expect(outcomes.count(deployment: "d", version: "2", outcome: .answered) == 20)
        }
    }

    @Test(arguments: [
        (#"{"name": "bad name", "routes": [{"model": "models:/churn/1", "weight": 1}]}"#, "Invalid deployment name"),
        (#"{"name": "d", "routes": []}"#, "at least one route"),
        (#"{"name": "d", "routes": [{"model": "models:/churn/1", "weight": -1}]}"#, "non-negative"),
        (#"{"name": "d", "routes": [{"model": "models:/churn/1", "weight": 1, "role": "boss"}]}"#, "Invalid route role"),
        (#"{"name": "d", "routes": [{"model": "models:/churn/1", "weight": 0}]}"#, "positive weight"),
        (#"{"name": "d", "routes": [{"model": "models:/churn/1", "weight": 1}], "sampling_rate": 2}"#, "sampling_rate"),
        (#"{"name": "d"}"#, "'routes'"),
        (#"{"name": "d", "routes": [{"model": "models:/churn/1"}]}"#, "weight"),
    ])
    func badDeploymentsAreRejected(body: String, message: String) async throws {
        try await DeploymentTestApp.run { client, _ in
            let response = try await client.deployments(.post, "", body)
            #expect(response.status == .badRequest)
            #expect(response.message.contains(message), "\(response.message)")
        }
    }

    @Test func duplicatesAndUnknownDeploymentsGetMLflowErrors() async throws {
        try await DeploymentTestApp.run { client, _ in
            _ = try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#)
            #expect(try await client.createDeployment(#"[{"model": "models:/churn/1", "weight": 1}]"#).errorCode == "RESOURCE_ALREADY_EXISTS")
            #expect(try await client.deployments(.get, "/nope").status == .notFound)
            #expect(try await client.deployments(.delete, "/d").status == .ok)
            #expect(try await client.scoreDeployment() == "HTTP 404")
            #expect(try await client.deployments(.delete, "/d").status == .notFound)
        }
    }
}
