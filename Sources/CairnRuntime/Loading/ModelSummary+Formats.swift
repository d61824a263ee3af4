import CairnCore
import CairnML

extension ModelSummary {
    /// The summary of a loaded predictor.
    init(_ predictor: any Predictor, format: ModelFormat) {
        var trees = 0, nodes = 0
        var signature = ModelSignature.matrix(features: predictor.featureNames.count, classes: predictor.classes.count)
        var producer: String?
        switch predictor {
        case let model as XGBoostPredictor:
            (trees, nodes) = (model.forest.treeCount, model.forest.nodes.count)
            producer = model.producer
        case let model as LightGBMPredictor:
            (trees, nodes) = (model.forest.treeCount, model.forest.nodes.count)
            producer = model.producer
        case let model as ONNXPredictor:
            signature = model.signature
        default: break
        }
        self.init(
            format: format, producer: producer, task: predictor.task, classes: predictor.classes, featureNames: predictor.featureNames,
            signature: signature, treeCount: trees, treeNodeCount: nodes)
    }

    /// The summary of a decoded ONNX model, whether or not Cairn can evaluate it.
    init(onnx model: ModelProto) throws {
        var unsupported: [String] = []
        var predictor: ONNXPredictor?
        do {
            predictor = try ONNXPredictor(model: model)
        } catch let error as CairnError where error.code == .notImplemented {
            unsupported.append(error.message)
        }
        var trees = 0, nodes = 0
        for node in model.graph.nodes where node.opType.hasPrefix("TreeEnsemble") {
            let ids = node.attributes["nodes_treeids"]?.ints ?? []
            trees += Set(ids).count
            nodes += ids.count
        }
        let constants = Set(model.graph.initializers.map(\.name))
        let signature = ModelSignature(
            inputs: model.graph.inputs.filter { !constants.contains($0.name) }.map(\.signatureValue),
            outputs: model.graph.outputs.map(\.signatureValue))
        let producer = model.producerName.isEmpty ? nil : "\(model.producerName) \(model.producerVersion)"
        self.init(
            format: .onnx, producer: producer,
            opsets: Dictionary(uniqueKeysWithValues: model.opsets.map { ($0.key.isEmpty ? "ai.onnx" : $0.key, $0.value) }),
            task: predictor?.task, classes: predictor?.classes ?? [], featureNames: predictor?.featureNames ?? [], signature: signature,
            treeCount: trees, treeNodeCount: nodes, operatorCount: model.graph.nodes.count, unsupported: unsupported)
    }
}
