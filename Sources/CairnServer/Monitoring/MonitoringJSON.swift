import CairnCore
import Foundation
import Hummingbird

/// Reads the JSON bodies of the monitoring API.
enum MonitoringJSON {
    /// Decodes a request body.
    /// - Throws: `invalid_argument` for malformed JSON or a missing field, `too_large` past `limit`.
    static func decode<T: Decodable>(_ type: T.Type, _ request: Request, limit: Int) async throws -> T {
        let body = try await request.collectServingBody(limit: limit)
        do {
            return try ServingJSON.decode(type, from: body)
        } catch let error as CairnError {
            throw CairnError.invalid(error.message)
        }
    }
}
