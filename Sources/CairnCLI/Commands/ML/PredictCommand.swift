import ArgumentParser
import CairnCore
import CairnML
import CairnServing
import Foundation

/// `cairn predict`: scores a CSV file with a model from a path or the registry.
struct PredictCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "predict", abstract: "Score a CSV file with a model file, a run's model or a registered model.",
        discussion: """
            MODEL is a model file or directory, runs:/<run_id>/<path>, models:/<name>/<version>, models:/<name>/<stage>,
            models:/<name>@<alias> or models:/m-<id> (resolved through the tracking store or --tracking-uri).
            Classifiers give a label column and one prob_<class> column per class; regressors a prediction column.
            """)

    @OptionGroup var backend: BackendOptions
    @OptionGroup var dataOptions: DataOptions
    @Option(help: "The model: a path or a runs:/ or models:/ URI.") var model: String
    @Option(help: "Rows to score (CSV).") var data: String
    @Option(help: "Write predictions to this CSV file instead of stdout.") var output: String?

    func run() async throws {
        try await Output.run {
            let files = try await ModelURI(parsing: model).resolve(with: try await backend.backend())
            let predictor = try NativePredictorLoader().load(at: files.url).predictor
            let predictions = try Self.renamed(try predictor.predict(try dataOptions.read(data)), classes: predictor.classes)
            if backend.json { return try Output.json(Self.records(predictions)) }
            let text = Self.csv(predictions)
            if let output {
                try text.write(toFile: output, atomically: true, encoding: .utf8)
            } else {
                print(text, terminator: "")
            }
        }
    }

    /// The predictor's columns with the CLI's names: `label`, `prob_<class>`, `prediction`.
    static func renamed(_ table: Table, classes: [String]) throws -> Table {
        var columns: [Column] = []
        if let label = table[PredictionColumns.label] { columns.append(label) }
        for name in classes {
            var column = try table.column(named: PredictionColumns.probability(of: name))
            column.name = "prob_\(name)"
            columns.append(column)
        }
        if let prediction = table[PredictionColumns.prediction] { columns.append(prediction) }
        return try Table(columns)
    }

    static func csv(_ table: Table) -> String {
        let cells = table.columns.map(text)
        var lines = [table.columnNames.joined(separator: ",")]
        for row in 0..<table.rowCount { lines.append(cells.map { $0[row] }.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A cell of a JSON prediction record: a number or a label.
    enum Value: Encodable {
        case number(Double)
        case label(String)

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .number(let value): try container.encode(value)
            case .label(let value): try container.encode(value)
            }
        }
    }

    static func records(_ table: Table) -> [[String: Value]] {
        let cells = table.columns.map { column -> [Value] in
            column.isCategorical ? column.strings().map { .label($0 ?? "") } : column.doubles().map { .number($0) }
        }
        return (0..<table.rowCount).map { row in
            Dictionary(uniqueKeysWithValues: zip(table.columnNames, cells.map { $0[row] }))
        }
    }

    private static func text(_ column: Column) -> [String] {
        column.isCategorical ? column.strings().map { $0 ?? "" } : column.doubles().map { String($0) }
    }
}
