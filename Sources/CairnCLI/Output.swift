import ArgumentParser
import CairnCore
import Foundation

/// Printing results (a table or JSON) and turning errors into messages on stderr and exit codes.
enum Output {
    /// Prints a value as pretty JSON on stdout.
    static func json(_ value: some Encodable) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        print(String(decoding: try encoder.encode(value), as: UTF8.self))
    }

    /// Prints rows as an aligned table with a header line.
    static func table(_ headers: [String], _ rows: [[String]]) {
        let widths = headers.indices.map { column in
            ([headers[column]] + rows.map { $0[column] }).map(\.count).max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { $1.padding(toLength: widths[$0], withPad: " ", startingAt: 0) }
                .joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        print(line(headers))
        for row in rows { print(line(row)) }
    }

    /// Runs a command body, mapping a ``CairnError`` to a message on stderr and its exit code.
    static func run(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as CairnError {
            FileHandle.standardError.write(Data("error: \(error.message)\n".utf8))
            throw ExitCode(exitCode(error.code))
        }
    }

    /// Exit codes: 2 invalid input, 3 not found, 4 already exists, 5 unavailable, 1 anything else.
    static func exitCode(_ code: CairnError.Code) -> Int32 {
        switch code {
        case .invalidArgument: 2
        case .notFound: 3
        case .alreadyExists: 4
        case .unavailable: 5
        default: 1
        }
    }

    /// A millisecond timestamp as ISO 8601, or `-`.
    static func time(_ millis: Int64?) -> String {
        guard let millis, millis > 0 else { return "-" }
        return ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
