import CairnCore

/// `ai.onnx.ml.TreeEnsembleRegressor`: outputs `[N, n_targets]`, aggregated as onnxruntime does.
struct TreeEnsembleRegressor: Operator {
    enum Aggregate: String { case sum = "SUM", average = "AVERAGE", min = "MIN", max = "MAX" }

    let trees: TreeEnsemble
    let targets: Int
    let baseValues: [Float]
    let transform: PostTransform
    let aggregate: Aggregate

    init(_ attributes: NodeAttributes) throws {
        let targets = attributes.int("n_targets", default: 1)
        guard (1...100_000).contains(targets) else { throw attributes.invalid("n_targets is \(targets)") }
        self.targets = Int(targets)
        trees = try TreeEnsemble(attributes, prefix: "target", targetCount: self.targets)
        baseValues = attributes.floats("base_values")
        transform = try PostTransform(attributes)
        let name = attributes.string("aggregate_function", default: "SUM")
        guard let aggregate = Aggregate(rawValue: name) else { throw attributes.unsupported("aggregate_function=\(name)") }
        self.aggregate = aggregate
    }

    /// Reads an `ai.onnx.ml` opset 5 `TreeEnsemble` node: a regressor-shaped ensemble without base values, its
    /// aggregate function and post transform given as numbers.
    /// - Throws: as `TreeEnsemble.Lists(opset5:)`; `not_implemented` for PROBIT or an unknown code.
    init(opset5 attributes: NodeAttributes) throws {
        let targets = try attributes.int("n_targets")
        guard (1...100_000).contains(targets) else { throw attributes.invalid("n_targets is \(targets)") }
        self.targets = Int(targets)
        trees = try TreeEnsemble(try TreeEnsemble.Lists(opset5: attributes), attributes, targetCount: self.targets)
        baseValues = []
        let transforms: [PostTransform] = [.none, .softmax, .logistic, .softmaxZero]
        let transformCode = try attributes.int("post_transform", default: 0, in: 0...Int64(transforms.count - 1))
        transform = transforms[Int(transformCode)]
        let aggregates: [Aggregate] = [.average, .sum, .min, .max]
        aggregate = aggregates[Int(try attributes.int("aggregate_function", default: 1, in: 0...Int64(aggregates.count - 1)))]
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        var output: [Float] = []
        let treeCount = Float(trees.treeCount)
        let combine: (Float, Float, Bool) -> Float = { [aggregate] score, weight, scored in
            switch aggregate {
            case .sum, .average: score + weight
            case .min: scored ? Swift.min(score, weight) : weight
            case .max: scored ? Swift.max(score, weight) : weight
            }
        }
        try trees.score(try required(inputs, 0), targets: targets, combine: combine) { sums, _ in
            var row = Array(sums)[...]
            if aggregate == .average { for index in row.indices { row[index] /= treeCount } }
            if targets == 1 {
                // One target: the base value only when there is exactly one; LOGISTIC and SOFTMAX are not applied.
                output.append(baseValues.count == 1 ? row[0] + baseValues[0] : row[0])
            } else {
                if baseValues.count == targets { for index in row.indices { row[index] += baseValues[index] } }
                transform.apply(&row)
                output.append(contentsOf: row)
            }
        }
        return [try Tensor(shape: [output.count / targets, targets], elements: .float(output))]
    }
}
