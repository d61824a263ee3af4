import CairnCore

/// Multiplies each row of a float matrix by a weight matrix stored row per output: `scores[r][j] = Σ x[r][k]·w[j][k] + b[j]`,
/// accumulated in double and rounded once (onnxruntime uses a vectorized GEMM, so only ~1e-7 agreement is possible).
func linearScores(_ input: Tensor, weights: [Float], intercepts: [Float], outputs: Int) throws -> (rows: Int, scores: [Float]) {
    let values = try input.floats()
    let rows = input.shape.count == 1 ? 1 : input.shape.first ?? 0
    let width = outputs == 0 ? 0 : weights.count / outputs
    guard rows * width == values.count else {
        throw CairnError.invalid("a linear model with \(width) coefficients per output got input of shape \(input.shape)")
    }
    var scores = [Float](repeating: 0, count: rows * outputs)
    for row in 0..<rows {
        for output in 0..<outputs {
            var sum = intercepts.isEmpty ? 0 : Double(intercepts[output])
            for k in 0..<width { sum += Double(values[row * width + k]) * Double(weights[output * width + k]) }
            scores[row * outputs + output] = Float(sum)
        }
    }
    return (rows, scores)
}

/// `ai.onnx.ml.LinearClassifier`: labels `[N]` and scores `[N, C]`.
struct LinearClassifier: Operator {
    let labels: Tensor.Elements
    let coefficients: [Float]
    let intercepts: [Float]
    let transform: PostTransform

    init(_ attributes: NodeAttributes) throws {
        let strings = attributes.strings("classlabels_strings")
        labels = strings.isEmpty ? .int64(attributes.ints("classlabels_ints")) : .string(strings)
        coefficients = attributes.floats("coefficients")
        intercepts = attributes.floats("intercepts")
        transform = try PostTransform(attributes)
        guard labels.count >= 2, intercepts.count == labels.count || (labels.count == 2 && intercepts.count == 1),
            !coefficients.isEmpty, coefficients.count % intercepts.count == 0
        else { throw attributes.invalid("its coefficients, intercepts and class labels do not agree") }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let outputs = intercepts.count
        let (rows, raw) = try linearScores(try required(inputs, 0), weights: coefficients, intercepts: intercepts, outputs: outputs)
        var labelIndices: [Int] = []
        var scores: [Float] = []
        for row in 0..<rows {
            var slice = raw[row * outputs..<(row + 1) * outputs]
            if outputs == 1 {
                // One score for two classes: positive means the second class.
                let s = slice[slice.startIndex]
                labelIndices.append(s > 0 ? 1 : 0)
                slice = transform == .logistic ? [PostTransform.logistic(-s), PostTransform.logistic(s)] : [-s, s]
            } else {
                labelIndices.append(Int(PredictionTable.argmax(slice)))
                transform.apply(&slice)
            }
            scores.append(contentsOf: slice)
        }
        return [try Tensor(shape: [rows], elements: labels.selecting(labelIndices)), try Tensor(shape: [rows, labels.count], elements: .float(scores))]
    }
}

/// `ai.onnx.ml.LinearRegressor`: outputs `[N, targets]`.
struct LinearRegressor: Operator {
    let coefficients: [Float]
    let intercepts: [Float]
    let targets: Int
    let transform: PostTransform

    init(_ attributes: NodeAttributes) throws {
        targets = Int(attributes.int("targets", default: 1))
        coefficients = attributes.floats("coefficients")
        intercepts = attributes.floats("intercepts")
        transform = try PostTransform(attributes)
        guard targets >= 1, !coefficients.isEmpty, coefficients.count % targets == 0, intercepts.isEmpty || intercepts.count == targets else {
            throw attributes.invalid("its coefficients and intercepts do not match \(targets) targets")
        }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        var (rows, scores) = try linearScores(try required(inputs, 0), weights: coefficients, intercepts: intercepts, outputs: targets)
        if transform != .none {
            for row in 0..<rows {
                var slice = scores[row * targets..<(row + 1) * targets]
                transform.apply(&slice)
                scores.replaceSubrange(row * targets..<(row + 1) * targets, with: slice)
            }
        }
        return [try Tensor(shape: [rows, targets], elements: .float(scores))]
    }
}
