import ArgumentParser
import CairnRuntime
import CairnServing

/// `cairn models inspect PATH_OR_URI`: what a model file holds.
struct ModelsInspect: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Show a model's format, signature, size and anything Cairn does not support.",
        discussion: """
            PATH_OR_URI is a model file (ONNX, XGBoost JSON/UBJSON, LightGBM text, Cairn), an MLflow model directory, \
            or a runs:/ or models:/ URI resolved through the tracking store.
            """)

    @OptionGroup var backend: BackendOptions

    @Argument(help: "The model: a path or a runs:/ or models:/ URI.")
    var model: String

    func run() async throws {
        try await Output.run {
            let summary = try ModelLoader.inspect(at: try await ModelURI(parsing: model).resolve(with: try await backend.backend()).url)
            if backend.json { return try Output.json(summary) }
            print("format     \(summary.format.rawValue)\(summary.producer.map { " (\($0))" } ?? "")")
            if !summary.opsets.isEmpty {
                print("opsets     \(summary.opsets.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))")
            }
            print("task       \(summary.task?.rawValue ?? "-")")
            if !summary.classes.isEmpty { print("classes    \(summary.classes.joined(separator: ", "))") }
            if summary.treeCount > 0 { print("trees      \(summary.treeCount) (\(summary.treeNodeCount) nodes)") }
            if summary.operatorCount > 0 { print("operators  \(summary.operatorCount)") }
            print("\ninputs:")
            Output.table(["NAME", "TYPE", "SHAPE"], summary.signature.inputs.map(Self.row))
            print("\noutputs:")
            Output.table(["NAME", "TYPE", "SHAPE"], summary.signature.outputs.map(Self.row))
            if !summary.unsupported.isEmpty {
                print("\nunsupported:")
                for problem in summary.unsupported { print("  \(problem)") }
            }
        }
    }

    private static func row(_ value: ModelSignature.Value) -> [String] {
        let shape = value.shape.map { "[" + $0.map { $0.map(String.init) ?? "?" }.joined(separator: ", ") + "]" } ?? "-"
        return [value.name, value.type, shape]
    }
}
