import ArgumentParser
import CairnAPI
import CairnCore
import Foundation

/// The server the deployment, monitor and alert commands talk to.
struct ServerURIOptions: ParsableArguments {
    @Option(name: .customLong("tracking-uri"), help: "URL of the Cairn server hosting the deployments (env CAIRN_TRACKING_URI).")
    var trackingURI: String?

    /// The chosen server.
    /// - Throws: `invalidArgument` when no server is named (deployments live in a running server) or the URI is
    ///   not http(s).
    func server() throws -> RemoteBackend { try Self.server(uri: trackingURI) }

    /// The server `uri` names, or `CAIRN_TRACKING_URI` when it is `nil`.
    /// - Throws: as ``server()``.
    static func server(uri trackingURI: String?) throws -> RemoteBackend {
        guard let uri = trackingURI ?? ProcessInfo.processInfo.environment["CAIRN_TRACKING_URI"], !uri.isEmpty else {
            throw CairnError.invalid("Deployments and monitors live in a running server: pass --tracking-uri http://host:port or set CAIRN_TRACKING_URI")
        }
        guard let url = URL(string: uri), url.scheme == "http" || url.scheme == "https" else {
            throw CairnError.invalid("Invalid tracking URI '\(uri)': expected http://host:port.")
        }
        return RemoteBackend(baseURL: url)
    }
}

/// The server and the output format of the deployment, monitor and alert commands.
struct DeploymentServerOptions: ParsableArguments {
    @OptionGroup var uri: ServerURIOptions

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// The deployments API of the chosen server.
    /// - Throws: `invalidArgument` when no server is named.
    func client() throws -> DeploymentsClient { DeploymentsClient(server: try server()) }

    /// The chosen server.
    /// - Throws: `invalidArgument` when no server is named or the URI is not http(s).
    func server() throws -> RemoteBackend { try uri.server() }
}

/// The routing and settings flags of `create` and `update`.
struct DeploymentSpecOptions: ParsableArguments {
    @Option(
        name: .customLong("route"),
        help: "MODEL=WEIGHT[:ROLE], repeatable; ROLE is primary (default), canary or shadow (weight = share copied, 0 to 1).")
    var routes: [String] = []

    @Option(help: "Route requests with the same value of this header to the same version.") var stickyHeader: String?
    @Option(help: "Route requests with the same value of this input column to the same version.") var stickyInput: String?
    @Option(help: "Most rows per predictor call (1 turns batching off).") var maxBatchSize: Int?
    @Option(help: "Longest wait for a batch to fill, in microseconds.") var maxQueueDelayMicros: Int?
    @Option(help: "Most requests waiting per version; more get 503 with Retry-After.") var maxQueueSize: Int?
    @Option(help: "Longest a prediction may take, in milliseconds.") var timeoutMs: Int?
    @Option(help: "Fraction of predictions written to the prediction log, 0 to 1.") var samplingRate: Double?

    /// The request body these flags describe.
    /// - Throws: `invalidArgument` for a malformed route or two sticky keys.
    func body(name: String? = nil, clearStickyKey: Bool = false) throws -> DeploymentSpecBody {
        if stickyHeader != nil, stickyInput != nil { throw CairnError.invalid("Give --sticky-header or --sticky-input, not both") }
        let batching = [maxBatchSize, maxQueueDelayMicros, maxQueueSize].allSatisfy { $0 == nil }
            ? nil : BatchingBody(max_batch_size: maxBatchSize, max_queue_delay_micros: maxQueueDelayMicros, max_queue_size: maxQueueSize)
        return DeploymentSpecBody(
            name: name, routes: routes.isEmpty ? nil : try routes.map(Self.route),
            sticky_key: stickyHeader == nil && stickyInput == nil ? nil : StickyKeyBody(header: stickyHeader, input: stickyInput),
            clear_sticky_key: clearStickyKey ? true : nil, batching: batching, timeout_ms: timeoutMs, sampling_rate: samplingRate)
    }

    /// Parses `MODEL=WEIGHT[:ROLE]`.
    static func route(_ text: String) throws -> DeploymentRouteBody {
        guard let equals = text.lastIndex(of: "=") else {
            throw CairnError.invalid("Invalid route '\(text)': expected MODEL=WEIGHT[:ROLE], e.g. models:/churn/2=10:canary")
        }
        let parts = text[text.index(after: equals)...].split(separator: ":", maxSplits: 1).map(String.init)
        guard let weightText = parts.first, let weight = Double(weightText) else {
            throw CairnError.invalid("Invalid route '\(text)': the weight must be a number")
        }
        return DeploymentRouteBody(model: String(text[..<equals]), weight: weight, role: parts.count > 1 ? parts[1] : nil)
    }
}
