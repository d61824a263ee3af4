import CairnCore
import Foundation
import Hummingbird

extension Request {
    /// A query parameter as text, or `nil`.
    func query(_ name: String) -> String? { uri.queryParameters[name[...]].map(String.init) }

    /// A time query parameter: milliseconds since the epoch, or an ISO 8601 date-time (`2026-11-30T12:00:00Z`).
    /// - Throws: `invalid_argument` for another form.
    func timeQuery(_ name: String) throws -> Int64? {
        guard let text = query(name) else { return nil }
        if let millis = Int64(text) { return millis }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw CairnError.invalid("\(name) must be milliseconds since the epoch or an ISO 8601 time, not '\(text)'")
        }
        return Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// An integer query parameter, or `defaultValue` when absent.
    /// - Throws: `invalid_argument` when it is not an integer.
    func intQuery(_ name: String, default defaultValue: Int) throws -> Int {
        guard let text = query(name) else { return defaultValue }
        guard let value = Int(text) else { throw CairnError.invalid("\(name) must be a number, not '\(text)'") }
        return value
    }
}
