import ArgumentParser
import CairnML
import Foundation

/// `cairn explain`: per-row feature contributions (exact TreeSHAP or linear) and global importances.
struct ExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Write per-row feature contributions and print global importances.",
        discussion: """
            Contributions are exact: TreeSHAP for boosted trees, coefficient times deviation from the mean for linear
            models, on the model's raw score (log-odds for classifiers). The CSV has a row column, the base value, and
            one column per feature (per class and feature, as class:feature, for multiclass models). For a model trained
            with --preprocess, a feature is an input column (its derived columns' contributions summed) unless
            --derived asks for the derived columns (such as color=red) one by one.
            With --method permutation (needs --target), prints instead how much the held-out score (AUC, accuracy or
            R²) drops when each feature is shuffled, averaged over --repeats shuffles.
            """)

    @OptionGroup var dataOptions: DataOptions
    @Option(help: "Model file written by cairn train.") var model: String
    @Option(help: "Rows to explain (CSV).") var data: String
    @Option(help: "Where to write the per-row contributions (CSV).") var output = "contributions.csv"
    @Option(help: "contributions (exact per-row contributions) or permutation (score drop per shuffled feature).")
    var method = "contributions"
    @Option(help: "The target column, for --method permutation.") var target: String?
    @Option(help: "Shuffles per feature, for --method permutation.") var repeats = 5
    @Flag(help: "Explain the columns the model's preprocessing derives (such as color=red) one by one, not per input column.")
    var derived = false
    @Flag(help: "Print global importances as JSON.") var json = false

    func validate() throws {
        guard ["contributions", "permutation"].contains(method) else {
            throw ValidationError("--method must be contributions or permutation")
        }
        if method == "permutation" && target == nil { throw ValidationError("--method permutation needs --target") }
    }

    func run() async throws {
        try await Output.run {
            let loaded = try ModelFile.load(from: model)
            if method == "permutation", let target { return try permutation(loaded, target: target) }
            let contributions = try Explainer.contributions(loaded, try dataOptions.read(data), by: derived ? .derived : .inputs)
            try Self.csv(contributions, classes: loaded.classes).write(toFile: output, atomically: true, encoding: .utf8)
            let ranked = zip(contributions.featureNames, contributions.meanAbsolute).sorted { $0.1 > $1.1 }
            if json { return try Output.json(Dictionary(uniqueKeysWithValues: ranked)) }
            Output.table(["FEATURE", "MEAN |CONTRIBUTION|"], ranked.map { [$0.0, String(format: "%.6f", $0.1)] })
            print("contributions written to \(output)")
        }
    }

    private func permutation(_ loaded: TabularModel, target: String) throws {
        let report = try PermutationImportance.compute(loaded, on: try dataOptions.read(data), target: target, repeats: repeats)
        let ranked = report.featureNames.indices.sorted { report.meanDecrease[$0] > report.meanDecrease[$1] }
        if json {
            struct Importance: Encodable {
                let feature: String
                let mean_decrease: Double
                let std: Double
            }
            struct Report: Encodable {
                let metric: String
                let baseline: Double
                let importances: [Importance]
            }
            let importances = ranked.map {
                Importance(feature: report.featureNames[$0], mean_decrease: report.meanDecrease[$0], std: report.standardDeviation[$0])
            }
            return try Output.json(Report(metric: report.metric, baseline: report.baseline, importances: importances))
        }
        print("\(report.metric) on the given rows: \(String(format: "%.6f", report.baseline))")
        Output.table(
            ["FEATURE", "MEAN DECREASE", "STD"],
            ranked.map { [report.featureNames[$0], String(format: "%.6f", report.meanDecrease[$0]), String(format: "%.6f", report.standardDeviation[$0])] })
    }

    /// One line per row: the row index, then per output the base value and each feature's contribution.
    static func csv(_ contributions: FeatureContributions, classes: [String]) -> String {
        let outputs = contributions.values.count
        let prefixes = outputs == 1 ? [""] : (0..<outputs).map { (classes.count == outputs ? classes[$0] : String($0)) + ":" }
        var header = ["row"]
        for prefix in prefixes { header += ["\(prefix)base"] + contributions.featureNames.map { prefix + $0 } }
        var lines = [header.map(quoted).joined(separator: ",")]
        let rows = contributions.values.first?.count ?? 0
        for row in 0..<rows {
            var cells = [String(row)]
            for output in 0..<outputs {
                cells.append(String(contributions.baseValues[output]))
                cells += contributions.values[output][row].map { String($0) }
            }
            lines.append(cells.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func quoted(_ text: String) -> String {
        text.contains(",") || text.contains("\"") ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }
}
