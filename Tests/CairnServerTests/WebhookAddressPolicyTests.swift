import CairnCore
import CairnMonitoring
import CairnServing
import CairnStore
import CairnTesting
import Foundation
import Testing

@testable import CairnServer

/// Webhook URLs cannot make the server call its own network unless the operator allows it.
struct WebhookAddressPolicyTests {
    @Test(arguments: [
        ("127.0.0.1", "loopback"), ("10.2.3.4", "private"), ("172.16.0.1", "private"), ("172.31.255.255", "private"),
        ("192.168.1.1", "private"), ("169.254.169.254", "link-local"), ("100.64.0.1", "private (shared)"), ("0.0.0.0", "unspecified"),
        ("224.0.0.1", "multicast"), ("255.255.255.255", "broadcast"), ("::1", "loopback"), ("::", "unspecified"),
        ("fe80::1", "link-local"), ("fd12:3456::1", "private (unique local)"), ("fc00::1", "private (unique local)"),
        ("ff02::1", "multicast"), ("::ffff:127.0.0.1", "loopback"), ("::ffff:169.254.169.254", "link-local"),
        ("::7f00:1", "loopback"), ("64:ff9b::a00:5", "private"), ("64:ff9b:1::a9fe:a9fe", "link-local"),
        ("2002:7f00:1::", "loopback"), ("fec0::1", "private (site-local)"), ("192.0.2.1", "reserved (documentation)"),
        ("198.18.0.1", "reserved (benchmarking)"), ("192.0.0.8", "reserved (IETF protocol assignments)"),
    ])
    func internalAddressesAreRecognised(address: String, kind: String) throws {
        let bytes = try #require(IPAddressText.bytes(address))
        #expect(WebhookAddressPolicy.internalKind(bytes) == kind)
    }

    @Test(arguments: [
        "8.8.8.8", "172.32.0.1", "172.15.255.255", "100.128.0.1", "169.253.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8",
        "64:ff9b::808:808", "2002:808:808::",
    ])
    func publicAddressesAreNotInternal(address: String) throws {
        let bytes = try #require(IPAddressText.bytes(address))
        #expect(WebhookAddressPolicy.internalKind(bytes) == nil)
    }

    @Test func theOperatorAllowsEverythingOrChosenHostsAndNetworks() throws {
        let loopback = try #require(IPAddressText.bytes("127.0.0.1"))
        let metadata = try #require(IPAddressText.bytes("169.254.169.254"))
        let ula = try #require(IPAddressText.bytes("fd00::5"))
        // By default an internal address is refused with the reason, and any internal address among several refuses the host
        let refusal = try #require(WebhookAddressPolicy().refusal(host: "hooks.example", addresses: [[8, 8, 8, 8], metadata]))
        #expect(refusal.contains("169.254.169.254") && refusal.contains("link-local") && refusal.contains("CAIRN_WEBHOOK_ALLOW_PRIVATE"))
        #expect(WebhookAddressPolicy().refusal(host: "hooks.example", addresses: [[8, 8, 8, 8]]) == nil)
        #expect(WebhookAddressPolicy().refusal(host: "nowhere", addresses: []) != nil)
        // Allowing private addresses allows all; an allow-list allows its hosts and networks only
        #expect(WebhookAddressPolicy(allowPrivate: true).refusal(host: "localhost", addresses: [loopback, metadata]) == nil)
        let listed = try WebhookAddressPolicy.parse(allowPrivate: nil, allowedHosts: "Hooks.Internal, 127.0.0.0/8, fd00::/8")
        #expect(listed.refusal(host: "hooks.internal", addresses: [metadata]) == nil)
        #expect(listed.refusal(host: "localhost", addresses: [loopback, ula]) == nil)
        #expect(listed.refusal(host: "localhost", addresses: [loopback, metadata]) != nil)
    }

    @Test func badSettingsAreRejected() throws {
        #expect(try WebhookAddressPolicy.parse(allowPrivate: "1", allowedHosts: nil).allowPrivate)
        #expect(try !WebhookAddressPolicy.parse(allowPrivate: "0", allowedHosts: "").allowPrivate)
        #expect(throws: CairnError.self) { try WebhookAddressPolicy.parse(allowPrivate: "yes please", allowedHosts: nil) }
        #expect(throws: CairnError.self) { try WebhookAddressPolicy.parse(allowPrivate: nil, allowedHosts: "10.0.0.0/40") }
        #expect(throws: CairnError.self) { try WebhookAddressPolicy.parse(allowPrivate: nil, allowedHosts: "hooks/x") }
        for bad in ["/", ",/", "10.0.0.0/", "10.0.0.0/+8"] {
            #expect(throws: CairnError.self, "\(bad)") { try WebhookAddressPolicy.parse(allowPrivate: nil, allowedHosts: bad) }
        }
    }

    @Test func aDeliveryToAnInternalHostIsRefusedRecordedAndNotRetried() async throws {
        // Given the HTTP transport with the default policy and a receiver on loopback
        let store = try await TestStores.store(.sqlite)
        let receiver = WebhookReceiver()
        try await receiver.run { url in
            let transport = WebhookHTTPTransport(timeout: .seconds(5))
            let notifier = WebhookNotifier(
                transport: transport, store: store, configuration: .init(maxAttempts: 3, initialBackoff: .milliseconds(10)))
            // When an alert's event goes to the receiver through "localhost"
            let alert = Alert(id: "a1", monitor: "m", deployment: "d", status: .open, openedAt: 1, openedBy: "r1", summary: "s")
            let run = MonitorRun(id: "r1", monitor: "m", trigger: .manual, time: 1, windowStart: 0, windowEnd: 1, rows: 0, checks: [], drift: nil)
            try await Self.seed(store, alert: alert, run: run)
            let local = url.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            try await withThrowingDiscardingTaskGroup { group in
                group.addTask { await notifier.run() }
                notifier.notify(AlertEvent(kind: .opened, alert: alert, run: run), urls: [local])
                var deliveries: [WebhookDelivery] = []
                for _ in 0..<200 where deliveries.isEmpty {
                    try await Task.sleep(for: .milliseconds(20))
                    deliveries = try await store.deliveries(alertIDs: ["a1"])["a1"] ?? []
                }
                // Then one attempt is recorded with the reason, none follows, and nothing reached the receiver
                try await Task.sleep(for: .milliseconds(100))
                deliveries = try await store.deliveries(alertIDs: ["a1"])["a1"] ?? []
                #expect(deliveries.count == 1)
                #expect(deliveries.first?.statusCode == nil)
                #expect(deliveries.first?.error?.hasPrefix("refused: host 'localhost' resolves to") == true)
                #expect(deliveries.first?.error?.contains("loopback") == true)
                group.cancelAll()
            }
            try await transport.shutdown()
        }
        #expect(receiver.rawBodies.isEmpty)
    }

    private static func seed(_ store: any MetadataStore, alert: Alert, run: MonitorRun) async throws {
        try await store.createDeployment(
            Deployment(name: "d", spec: .init(routes: [.init(model: "models:/m/1", weight: 1)]), creationTime: 1, lastUpdateTime: 1))
        let spec = MonitorSpec(deployment: "d", window: try TimeWindow("1h"), performance: [.init(metric: "accuracy", min: 0.5)])
        try await store.createMonitor(Monitor(name: "m", spec: spec, creationTime: 0, nextRun: nil))
        try await store.appendRun(run)
        #expect(try await store.openAlert(alert))
    }
}
