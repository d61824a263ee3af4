import CairnCore
import Hummingbird
import Logging

/// A failed serving request as both protocols report it: status, message and extra headers (`Retry-After`).
struct ServingFailure {
    var code: CairnError.Code
    var status: HTTPResponse.Status
    var message: String
    var headers: HTTPFields = [:]

    /// Classifies an error thrown by a handler, logging unexpected ones at error level.
    init(_ error: any Error, request: Request, logger: Logger) {
        let cairn: CairnError
        switch error {
        case let error as CairnError: cairn = error
        case let error as HTTPError: cairn = ServingStatus.error(error)
        default: cairn = CairnError(.internal, "Internal error")
        }
        if cairn.code == .internal || !(error is CairnError || error is HTTPError) {
            logger.error("Request failed", metadata: ["cairn.error": "\(error)", "cairn.path": "\(request.uri.path)"])
        }
        code = cairn.code
        status = ServingStatus.of(cairn.code)
        message = cairn.message
        if cairn.code == .unavailable { headers[.retryAfter] = "1" }
    }
}
