import CairnAPI
import CairnCore
import CairnML
import CairnServing
import Foundation
import Hummingbird

/// Reads the body of MLflow's `POST /invocations`: JSON with exactly one of `dataframe_split`,
/// `dataframe_records`, `instances` or `inputs`, or CSV text with a header row.
enum ScoringInput {
    /// The format keys of a JSON body.
    static let formats = ["dataframe_split", "dataframe_records", "instances", "inputs"]

    /// The rows a body carries.
    /// - Throws: `unsupportedMediaType` for a content type other than JSON or CSV (or a charset other than UTF-8);
    ///   `malformedRequest` for a body that is not in one of the formats.
    static func parse(_ body: ByteBuffer, contentType: String?) throws -> InferenceInput {
        switch try mediaType(contentType) {
        case "text/csv": return try csv(body)
        default: return try json(body)
        }
    }

    /// The media type, when it is one MLflow's scoring server reads with at most a UTF-8 charset parameter.
    private static func mediaType(_ header: String?) throws -> String {
        let parts = (header ?? "").lowercased().split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        let type = parts.first ?? ""
        let parametersOK = parts.dropFirst().allSatisfy { $0.replacingOccurrences(of: " ", with: "") == "charset=utf-8" }
        guard ["application/json", "text/csv"].contains(type), parametersOK else {
            throw CairnError(
                .unsupportedMediaType,
                "This predictor only supports the following content types: Types: ['text/csv', 'application/json'], Encodings: ['utf-8']. Got '\(header ?? "")'.")
        }
        return type
    }

    private static func csv(_ body: ByteBuffer) throws -> InferenceInput {
        let table: Table
        do {
            table = try CSVReader.parse(Array(body.readableBytesView))
        } catch let error as CairnError {
            throw CairnError(.malformedRequest, "Invalid CSV input: \(error.message)")
        }
        var columns: [String: [FeatureValue]] = [:]
        for column in table.columns {
            switch column.values {
            case .double(let values): columns[column.name] = values.map { $0.isNaN ? .missing : .number($0) }
            case .int(let values): columns[column.name] = values.map { $0.map { .number(Double($0)) } ?? .missing }
            case .bool(let values): columns[column.name] = values.map { $0.map(FeatureValue.bool) ?? .missing }
            case .categorical: columns[column.name] = column.strings().map { $0.map(FeatureValue.text) ?? .missing }
            }
        }
        return .columns(columns)
    }

    private static func json(_ body: ByteBuffer) throws -> InferenceInput {
        let value: JSONValue
        do {
            value = try body.withUnsafeReadableBytes { try JSONValue(parsing: $0) }
        } catch {
            throw malformed("Invalid input. Ensure that input is a valid JSON formatted string.")
        }
        guard case .object(let fields) = value else {
            throw malformed("Invalid input. The input must be a JSON dictionary with exactly one of the input fields \(keyList). Received a \(kind(value)).")
        }
        let present = formats.filter { fields[$0] != nil }
        guard present.count == 1, let format = present.first, let payload = fields[format] else {
            throw malformed(
                "Invalid input. The input must be a JSON dictionary with exactly one of the input fields \(keyList). Received dictionary with input fields: \(fields.keys.sorted()). IMPORTANT: The MLflow Model scoring protocol has changed in MLflow version 2.0.")
        }
        switch format {
        case "dataframe_split": return try split(payload)
        case "dataframe_records": return try records(payload, field: format)
        case "instances": return try list(payload, field: format)
        default:
            if case .object(let columns) = payload { return .columns(try columnar(columns)) }
            return try list(payload, field: format)
        }
    }

    private static var keyList: String { "{" + formats.map { "'\($0)'" }.joined(separator: ", ") + "}" }

    private static func malformed(_ message: String) -> CairnError { CairnError(.malformedRequest, message) }

    private static func kind(_ value: JSONValue) -> String {
        switch value {
        case .array: "list"
        case .object: "dictionary"
        case .string: "string"
        default: "scalar"
        }
    }

    /// `{"columns": [...], "data": [[...], ...]}`; without `columns`, rows are in the model's input order.
    private static func split(_ payload: JSONValue) throws -> InferenceInput {
        guard case .object(let fields) = payload, case .array(let data)? = fields["data"] else {
            throw malformed("Invalid input. 'dataframe_split' must be a dictionary with a 'data' list of rows")
        }
        let rows = try data.enumerated().map { index, row -> [FeatureValue] in
            guard case .array(let cells) = row else { return [try scalar(row, "dataframe_split.data[\(index)]")] }
            return try cells.enumerated().map { try scalar($1, "dataframe_split.data[\(index)][\($0)]") }
        }
        guard let columnsValue = fields["columns"] else { return .rows(rows) }
        guard case .array(let names) = columnsValue else { throw malformed("Invalid input. 'dataframe_split.columns' must be a list of names") }
        let columnNames = try names.map { name -> String in
            guard case .string(let text) = name else { throw malformed("Invalid input. 'dataframe_split.columns' must be a list of names") }
            return text
        }
        if let bad = rows.firstIndex(where: { $0.count != columnNames.count }) {
            throw malformed("Invalid input. 'dataframe_split.data[\(bad)]' has \(rows[bad].count) values for \(columnNames.count) columns")
        }
        var columns: [String: [FeatureValue]] = [:]
        for (index, name) in columnNames.enumerated() { columns[name] = rows.map { $0[index] } }
        return .columns(columns)
    }

    /// A list of `{column: value}` records; a column absent from a record is a missing value there.
    private static func records(_ payload: JSONValue, field: String) throws -> InferenceInput {
        guard case .array(let items) = payload else { throw malformed("Invalid input. '\(field)' must be a list of records") }
        let objects = try items.enumerated().map { index, item -> [String: JSONValue] in
            guard case .object(let record) = item else { throw malformed("Invalid input. '\(field)[\(index)]' must be a dictionary") }
            return record
        }
        var names: [String] = []
        for record in objects { for key in record.keys.sorted() where !names.contains(key) { names.append(key) } }
        var columns: [String: [FeatureValue]] = [:]
        for name in names {
            columns[name] = try objects.enumerated().map { index, record in
                try record[name].map { try scalar($0, "\(field)[\(index)].\(name)") } ?? .missing
            }
        }
        return .columns(columns)
    }

    /// `instances` or a list `inputs`: records, rows of values in input order, or single values.
    private static func list(_ payload: JSONValue, field: String) throws -> InferenceInput {
        guard case .array(let items) = payload else { throw malformed("Invalid input. '\(field)' must be a list") }
        if case .object? = items.first { return try records(payload, field: field) }
        return .rows(try items.enumerated().map { index, item in
            guard case .array(let cells) = item else { return [try scalar(item, "\(field)[\(index)]")] }
            return try cells.enumerated().map { try scalar($1, "\(field)[\(index)][\($0)]") }
        })
    }

    /// `{"column": [values...]}` (a single value stands for one row).
    private static func columnar(_ fields: [String: JSONValue]) throws -> [String: [FeatureValue]] {
        var columns: [String: [FeatureValue]] = [:]
        for (name, value) in fields {
            if case .array(let items) = value {
                columns[name] = try items.enumerated().map { try scalar($1, "inputs.\(name)[\($0)]") }
            } else {
                columns[name] = [try scalar(value, "inputs.\(name)")]
            }
        }
        guard Set(columns.values.map(\.count)).count <= 1 else {
            throw malformed("Invalid input. The columns of 'inputs' must all have the same length")
        }
        return columns
    }

    private static func scalar(_ value: JSONValue, _ place: String) throws -> FeatureValue {
        do {
            return try TensorMapping.value(value, at: "Invalid input. '\(place)'")
        } catch let error as CairnError {
            throw malformed(error.message)
        }
    }
}
