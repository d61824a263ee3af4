import CairnCore

/// `ai.onnx.ml.TreeEnsembleClassifier`: labels `[N]` and scores `[N, C]`, with onnxruntime's rules for the
/// two-class "binary case" every converter emits (all weights on class 0).
struct TreeEnsembleClassifier: Operator {
    let trees: TreeEnsemble
    let labels: Tensor.Elements
    let baseValues: [Float]
    let transform: PostTransform
    /// Two labels and every weight on class 0: the sum is the positive class's score.
    let binaryCase: Bool

    init(_ attributes: NodeAttributes) throws {
        let ints = attributes.ints("classlabels_int64s")
        let strings = attributes.strings("classlabels_strings")
        labels = strings.isEmpty ? .int64(ints) : .string(strings)
        guard labels.count > 0 else { throw attributes.invalid("it has no class labels") }
        trees = try TreeEnsemble(attributes, prefix: "class", targetCount: labels.count)
        baseValues = attributes.floats("base_values")
        transform = try PostTransform(attributes)
        binaryCase = labels.count == 2 && trees.usedTargets == [0]
        if labels.count == 2, !binaryCase {
            throw attributes.unsupported("two classes with weights not all on class 0")
        }
        if binaryCase, baseValues.count > 1 { throw attributes.unsupported("two base values for a binary ensemble") }
        if !binaryCase, !baseValues.isEmpty, baseValues.count != labels.count {
            throw attributes.invalid("it has \(baseValues.count) base values for \(labels.count) classes")
        }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let classes = labels.count
        var labelIndices: [Int] = []
        var scores: [Float] = []
        try trees.score(try required(inputs, 0), targets: classes, combine: { sum, weight, _ in sum + weight }) { sums, scored in
            binaryCase ? finishBinary(sums, &labelIndices, &scores) : finishMulticlass(sums, scored, &labelIndices, &scores)
        }
        let rows = labelIndices.count
        return [try Tensor(shape: [rows], elements: labels.selecting(labelIndices)), try Tensor(shape: [rows, classes], elements: .float(scores))]
    }

    private func finishBinary(_ sums: ArraySlice<Float>, _ labelIndices: inout [Int], _ scores: inout [Float]) {
        let s = baseValues.isEmpty ? sums[sums.startIndex] : sums[sums.startIndex] + baseValues[0]
        if trees.weightsArePositive {
            labelIndices.append(s > 0.5 ? 1 : 0)
            scores.append(1 - s)
            scores.append(s)
        } else {
            labelIndices.append(s > 0 ? 1 : 0)
            if transform == .logistic {
                scores.append(PostTransform.logistic(-s))
                scores.append(PostTransform.logistic(s))
            } else {
                scores.append(-s)
                scores.append(s)
            }
        }
    }

    private func finishMulticlass(_ sums: ArraySlice<Float>, _ hasScore: ArraySlice<Bool>, _ labelIndices: inout [Int], _ scores: inout [Float]) {
        var row = Array(sums)[...]
        var scored = Array(hasScore)
        for (index, base) in baseValues.enumerated() {
            row[index] += base
            scored[index] = true
        }
        var best = -1
        for index in row.indices where scored[index] && (best == -1 || row[index] > row[best]) { best = index }
        labelIndices.append(max(best, 0))
        transform.apply(&row)
        scores.append(contentsOf: row)
    }
}
