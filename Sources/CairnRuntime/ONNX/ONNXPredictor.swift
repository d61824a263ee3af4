import CairnCore
import CairnML
import Foundation

/// Scores rows with an ONNX model as skl2onnx and onnxmltools export scikit-learn pipelines, XGBoost and LightGBM
/// models: tree ensembles bit-identical to onnxruntime on one thread, matrix paths within float rounding.
public struct ONNXPredictor: Predictor {
    public let task: LearningTask
    public let featureNames: [String]
    public let classes: [String]
    /// The index of each class name, for mapping predicted labels to classes.
    let classIndex: [String: Int32]
    let graph: ONNXGraph
    /// Whether the model takes one `[N, F]` tensor (columns by position) rather than one input per column.
    let takesMatrix: Bool

    /// Loads a model from the bytes of a `.onnx` file.
    /// - Throws: `invalid_argument` for a malformed file or graph; `not_implemented` naming unsupported operators,
    ///   operator sets or features, and for a model whose outputs are neither a classifier's nor a regressor's.
    public init(data: Data) throws {
        try self.init(model: try ModelProto(bytes: [UInt8](data)))
    }

    init(model: ModelProto) throws {
        let graph = try ONNXGraph(model)
        self.graph = graph
        guard !graph.inputs.isEmpty, let first = graph.outputs.first else {
            throw CairnError.invalid("the ONNX model has no inputs or no outputs")
        }
        if graph.inputs.count == 1, case .tensor(_, let shape?) = graph.inputs[0].info.type, shape.count == 2, let width = shape[1], width != 1 {
            takesMatrix = true
            featureNames = (0..<width).map { "f\($0)" }
        } else {
            takesMatrix = false
            featureNames = graph.inputs.map(\.info.name)
        }
        if case .tensor(let type, _) = first.info.type, type == Tensor.DataType.float.rawValue || type == Tensor.DataType.double.rawValue {
            task = .regression
            classes = []
            classIndex = [:]
            return
        }
        guard graph.outputs.count >= 2 else {
            throw CairnError(.notImplemented, "the ONNX model's outputs are neither a label and probabilities nor a prediction")
        }
        classes = Self.classLabels(model.graph)
        guard classes.count >= 2 else { throw CairnError(.notImplemented, "the ONNX classifier does not name its classes") }
        classIndex = Dictionary(classes.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { first, _ in first })
        task = classes.count == 2 ? .binary : .multiclass
    }

    /// The class labels a classifier graph names: on its classifier, ZipMap node, or the label lookup table of an MLP.
    private static func classLabels(_ graph: GraphProto) -> [String] {
        for node in graph.nodes {
            let attributes = NodeAttributes(node: node)
            for name in ["classlabels_strings", "classlabels_int64s", "classlabels_ints"] {
                let strings = attributes.strings(name)
                if !strings.isEmpty { return strings }
                let ints = attributes.ints(name)
                if !ints.isEmpty { return ints.map(String.init) }
            }
        }
        for node in graph.nodes where node.opType == "ArrayFeatureExtractor" {
            if let table = graph.initializers.first(where: { $0.name == node.inputs.first }), let tensor = try? Tensor(proto: table) {
                return tensor.strings()
            }
        }
        return []
    }

    /// The model's inputs and outputs: names, element types and shapes.
    public var signature: ModelSignature {
        ModelSignature(inputs: graph.inputs.map(\.info.signatureValue), outputs: graph.outputs.map(\.info.signatureValue))
    }

    /// Runs the graph on typed tensors: one per model input, by name.
    /// - Returns: every model output, by name (ZipMap outputs as the probability tensor).
    /// - Throws: `not_found` for a missing input; `invalid_argument` when a tensor does not fit its node.
    public func run(_ feeds: [String: Tensor]) throws -> [String: Tensor] { try graph.run(feeds) }

    public func predict(_ table: Table) throws -> Table {
        let outputs = try run(try feeds(table))
        let first = graph.outputs[0].info.name
        if task == .regression {
            return PredictionTable.regression(outputs[first]!.doubles())
        }
        let codes = try classCodes(outputs[first]!)
        let probabilities = outputs[graph.outputs[1].info.name]!
        guard probabilities.count == codes.count * classes.count else {
            throw CairnError.invalid("the model gave \(probabilities.count) probabilities for \(codes.count) rows of \(classes.count) classes")
        }
        return PredictionTable.classification(classes: classes, labels: codes, probabilities: probabilities.doubles())
    }

    /// The class index of each predicted label.
    /// - Throws: `invalid_argument` for a label that is not one of the classes.
    private func classCodes(_ labels: Tensor) throws -> [Int32] {
        func code(_ label: String) throws -> Int32 {
            guard let code = classIndex[label] else { throw CairnError.invalid("the model predicted '\(label)', which is not one of its classes") }
            return code
        }
        guard case .int64(let values) = labels.elements else { return try labels.strings().map(code) }
        // Classifiers have few classes: remembering the labels seen in a small list beats hashing every row's label.
        var known: [(label: Int64, code: Int32)] = []
        return try values.map { value in
            if let cached = known.first(where: { $0.label == value }) { return cached.code }
            let result = try code(String(value))
            if known.count < 16 { known.append((value, result)) }
            return result
        }
    }

    /// The input tensors for a table: one `[N, F]` matrix by position, or one `[N, 1]` tensor per named column.
    private func feeds(_ table: Table) throws -> [String: Tensor] {
        if takesMatrix {
            let info = graph.inputs[0].info
            let rows = try FeatureRows(table, names: featureNames)
            return [info.name: try Self.tensor(rows.values, strings: [], shape: [rows.rowCount, rows.width], info: info)]
        }
        var feeds: [String: Tensor] = [:]
        let columns = try FeatureRows.columns(of: table, names: featureNames)
        for ((info, _), column) in zip(graph.inputs, columns) {
            let shape: [Int]
            if case .tensor(_, let declared?) = info.type, declared.count == 1 { shape = [table.rowCount] } else { shape = [table.rowCount, 1] }
            feeds[info.name] = try Self.tensor(column.isCategorical ? nil : column.doubles(), strings: column.strings(), shape: shape, info: info)
        }
        return feeds
    }

    /// A tensor of the input's declared element type from numbers or text.
    private static func tensor(_ numbers: [Double]?, strings: @autoclosure () -> [String?], shape: [Int], info: ValueInfoProto) throws -> Tensor {
        guard case .tensor(let code, _) = info.type, let type = Tensor.DataType(rawValue: code) else {
            throw CairnError(.notImplemented, "the model input '\(info.name)' is not a tensor of a supported type")
        }
        func values() throws -> [Double] {
            guard let numbers else { throw CairnError.invalid("the model input '\(info.name)' takes numbers, but its column holds text") }
            return numbers
        }
        switch type {
        case .string: return try Tensor(shape: shape, elements: .string(strings().map { $0 ?? "" }))
        case .float: return try Tensor(shape: shape, elements: .float(try values().map { Float($0) }))
        case .double: return try Tensor(shape: shape, elements: .double(try values()))
        default:
            let integers = try values().map { value -> Int64 in
                guard value.isFinite, value == value.rounded() else {
                    throw CairnError.invalid("the model input '\(info.name)' takes whole numbers, got \(value)")
                }
                return Int64(value)
            }
            return try Tensor(shape: shape, elements: .int64(integers))
        }
    }
}
