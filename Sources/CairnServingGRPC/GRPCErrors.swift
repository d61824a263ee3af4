import CairnCore
import GRPCCore

/// Cairn's errors as gRPC status codes, with their messages.
enum GRPCErrors {
    /// The result of `body`, its ``CairnError`` turned into the matching `RPCError`.
    static func mapping<Value: Sendable>(_ body: () async throws -> Value) async throws -> Value {
        do {
            return try await body()
        } catch let error as CairnError {
            throw RPCError(code: code(error.code), message: error.message)
        }
    }

    private static func code(_ code: CairnError.Code) -> RPCError.Code {
        switch code {
        case .invalidArgument, .tooLarge: .invalidArgument
        case .notFound: .notFound
        case .alreadyExists: .alreadyExists
        case .invalidState, .conflict: .failedPrecondition
        case .unavailable: .unavailable
        case .timedOut: .deadlineExceeded
        case .notImplemented: .unimplemented
        default: .internalError
        }
    }
}
