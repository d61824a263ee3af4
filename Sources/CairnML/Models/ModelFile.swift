import CairnCore
import Foundation

/// Cairn's native model format: a versioned, self-describing JSON document holding a ``TabularModel`` with its
/// preprocessing, which loads back to identical predictions.
public enum ModelFile {
    /// The value of the document's `format` field.
    public static let formatName = "cairn.tabular-model"
    /// The newest format version this build reads. Version 2 added the fitted ``Preprocessor``; a model without
    /// one is still written as version 1, so older builds keep reading it.
    public static let currentVersion = 2

    private struct Document: Codable {
        let format: String
        let formatVersion: Int
        let task: LearningTask
        let estimator: String
        let model: TabularModel
    }

    private struct Header: Decodable {
        let format: String
        let formatVersion: Int
    }

    /// The JSON document of `model`.
    public static func encode(_ model: TabularModel) throws -> Data {
        let document = Document(
            format: formatName, formatVersion: model.preprocessor == nil ? 1 : currentVersion, task: model.task, estimator: model.estimator.kind, model: model)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(document)
    }

    /// The model in a JSON document.
    /// - Throws: `invalid_argument` when the data is not a Cairn model document, or is of a newer format version.
    public static func decode(_ data: Data) throws -> TabularModel {
        let decoder = JSONDecoder()
        guard let header = try? decoder.decode(Header.self, from: data), header.format == formatName else {
            throw CairnError.invalid("not a Cairn model file (expected format '\(formatName)')")
        }
        guard header.formatVersion <= currentVersion else {
            throw CairnError.invalid("model format version \(header.formatVersion) is newer than this build reads (\(currentVersion))")
        }
        do {
            return try decoder.decode(Document.self, from: data).model
        } catch {
            throw CairnError.invalid("the model file is damaged: \(error)")
        }
    }

    /// Writes `model` to `path` atomically.
    /// - Throws: `unavailable` when the file cannot be written.
    public static func save(_ model: TabularModel, to path: String) throws {
        do {
            try encode(model).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch let error as CairnError {
            throw error
        } catch {
            throw CairnError(.unavailable, "cannot write model file '\(path)': \(error.localizedDescription)")
        }
    }

    /// Reads the model at `path`.
    /// - Throws: `not_found` when the file cannot be read; `invalid_argument` as ``decode(_:)``.
    public static func load(from path: String) throws -> TabularModel {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CairnError.notFound("cannot read model file '\(path)'")
        }
        return try decode(data)
    }
}
