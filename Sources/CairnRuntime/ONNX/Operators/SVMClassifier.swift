import CairnCore
import Foundation

/// `ai.onnx.ml.SVMClassifier`, as skl2onnx exports scikit-learn's SVC and NuSVC, evaluated as onnxruntime does.
///
/// With support vectors (libsvm's one-vs-one form), each pair of classes `i < j` has a decision value
/// `Σ coefficient·K(x, sv) + rho` over the two classes' vectors (products in float32, summed in double), which
/// votes for `i` when positive and for `j` otherwise; the label is the class with the most votes (the first among
/// ties). The scores are the pairwise decision values — for two classes `[-d, d]` — or, when the model carries
/// Platt's `prob_a`/`prob_b`, the class probabilities coupled from the pairwise ones by libsvm's iterative method.
/// Without support vectors (liblinear's form), each class scores `x·coefficients + rho`.
struct SVMClassifier: Operator {
    let kernel: SVMKernel
    let labels: Tensor.Elements
    let transform: PostTransform
    /// `vectorCount × featureCount` values, class after class; empty for the linear form.
    let supportVectors: [Float]
    let vectorsPerClass: [Int]
    /// Index of each class's first support vector.
    let firstVector: [Int]
    let vectorCount: Int
    let featureCount: Int
    /// One-vs-one: row `j - 1` holds, for each vector of class `i`, its coefficient against class `j`, and row `i`
    /// for each vector of class `j` its coefficient against `i`. Linear: one row of weights per class.
    let coefficients: [Float]
    /// One offset per pair of classes (one-vs-one), or the offset shared by every class (linear).
    let rho: [Float]
    let probabilityA: [Float]
    let probabilityB: [Float]
    let weightsArePositive: Bool

    var classCount: Int { labels.count }
    var pairCount: Int { classCount * (classCount - 1) / 2 }

    /// Reads the kernel, class labels, support vectors, coefficients, offsets and Platt parameters.
    /// - Throws: `invalid_argument` for lists whose sizes disagree; `not_implemented` for an unknown kernel or a
    ///   PROBIT post transform.
    init(_ attributes: NodeAttributes) throws {
        let kernel = try SVMKernel(attributes)
        let strings = attributes.strings("classlabels_strings")
        labels = strings.isEmpty ? .int64(attributes.ints("classlabels_ints")) : .string(strings)
        transform = try PostTransform(attributes)
        supportVectors = attributes.floats("support_vectors")
        vectorsPerClass = attributes.ints("vectors_per_class").map { Int(clamping: $0) }
        coefficients = attributes.floats("coefficients")
        rho = attributes.floats("rho")
        probabilityA = attributes.floats("prob_a")
        probabilityB = attributes.floats("prob_b")
        guard labels.count >= 2, !coefficients.isEmpty, !rho.isEmpty, probabilityA.count == probabilityB.count,
            vectorsPerClass.allSatisfy({ $0 >= 0 })
        else { throw attributes.invalid("it needs two class labels or more, coefficients, rho, and as many prob_a as prob_b") }
        firstVector = vectorsPerClass.reduce(into: [0]) { $0.append($0.last! + $1) }.dropLast()
        vectorCount = vectorsPerClass.reduce(0, +)
        weightsArePositive = coefficients.allSatisfy { $0 >= 0 }
        let classes = labels.count
        if vectorCount > 0 {
            let pairs = classes * (classes - 1) / 2
            guard vectorsPerClass.count == classes, supportVectors.count % vectorCount == 0, !supportVectors.isEmpty,
                coefficients.count >= (classes - 1) * vectorCount, rho.count >= pairs,
                probabilityA.isEmpty || probabilityA.count >= pairs
            else {
                throw attributes.invalid(
                    "its \(supportVectors.count) support vector values, \(coefficients.count) coefficients, \(rho.count) rho and \(probabilityA.count) prob_a do not fit \(classes) classes and \(vectorCount) vectors")
            }
            featureCount = supportVectors.count / vectorCount
            self.kernel = kernel
        } else {
            guard coefficients.count % classes == 0 else {
                throw attributes.invalid("its \(coefficients.count) coefficients are not a row per each of \(classes) classes")
            }
            featureCount = coefficients.count / classes
            self.kernel = kernel.linear
        }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let (values, rows) = try SVMKernel.rows(try required(inputs, 0), featureCount: featureCount, operatorName: "SVMClassifier")
        var labelIndices: [Int] = []
        var scores: [Float] = []
        for row in 0..<rows {
            let x = values[row * featureCount..<(row + 1) * featureCount]
            let (label, rowScores) = vectorCount > 0 ? oneVsOne(x) : linear(x)
            labelIndices.append(label)
            scores += rowScores
        }
        let width = rows == 0 ? (vectorCount > 0 && probabilityA.isEmpty ? max(pairCount, 2) : classCount) : scores.count / rows
        return [try Tensor(shape: [rows], elements: labels.selecting(labelIndices)), try Tensor(shape: [rows, width], elements: .float(scores))]
    }

    /// The label index and scores of one row in libsvm's one-vs-one form.
    private func oneVsOne(_ x: ArraySlice<Float>) -> (Int, [Float]) {
        let kernels = (0..<vectorCount).map { v in kernel.value(x, supportVectors[v * featureCount..<(v + 1) * featureCount]) }
        var votes = [Int](repeating: 0, count: classCount)
        var decisions: [Float] = []
        decisions.reserveCapacity(pairCount)
        for i in 0..<classCount - 1 {
            for j in (i + 1)..<classCount {
                var sum: Double = 0
                for v in firstVector[i]..<(firstVector[i] + vectorsPerClass[i]) { sum += Double(coefficients[(j - 1) * vectorCount + v] * kernels[v]) }
                for v in firstVector[j]..<(firstVector[j] + vectorsPerClass[j]) { sum += Double(coefficients[i * vectorCount + v] * kernels[v]) }
                sum += Double(rho[decisions.count])
                decisions.append(Float(sum))
                votes[sum > 0 ? i : j] += 1
            }
        }
        let label = votes.indices.max { votes[$0] < votes[$1] || (votes[$0] == votes[$1] && $0 > $1) }!
        if !probabilityA.isEmpty {
            var probabilities = ArraySlice(coupledProbabilities(decisions))
            transform.apply(&probabilities)
            return (label, Array(probabilities))
        }
        guard classCount > 2 else {
            let d = decisions[0]
            return (label, transform == .none ? [-d, d] : [1 - d, d])
        }
        var scores = ArraySlice(decisions)
        transform.apply(&scores)
        return (label, Array(scores))
    }

    /// The label index and scores of one row in liblinear's form.
    private func linear(_ x: ArraySlice<Float>) -> (Int, [Float]) {
        var scores = ArraySlice((0..<classCount).map { c in
            SVMKernel.dot(x, coefficients[c * featureCount..<(c + 1) * featureCount]) + rho[0]
        })
        let best = Int(PredictionTable.argmax(scores))
        let bestScore = scores[best]
        transform.apply(&scores)
        guard classCount == 2, probabilityA.isEmpty else { return (best, Array(scores)) }
        // onnxruntime's rule for two classes without probabilities.
        let second = (weightsArePositive && bestScore >= 0.5) || (!weightsArePositive && bestScore > 0)
        return (second ? 1 : best, Array(scores))
    }

    /// Class probabilities from the pairwise decision values: Platt's sigmoid per pair (clamped to
    /// [1e-7, 1 − 1e-7]), then coupled by the iterative method of Wu, Lin and Weng (libsvm's
    /// `multiclass_probability`), in float32 as onnxruntime computes it.
    private func coupledProbabilities(_ decisions: [Float]) -> [Float] {
        let k = classCount
        var r = [Float](repeating: 0, count: k * k)
        var pair = 0
        for i in 0..<k - 1 {
            for j in (i + 1)..<k {
                let logit = decisions[pair] * probabilityA[pair] + probabilityB[pair]
                let p = min(max(1 - PostTransform.logistic(logit), 1e-7), 1 - 1e-7)
                r[i * k + j] = p
                r[j * k + i] = 1 - p
                pair += 1
            }
        }
        var q = [Float](repeating: 0, count: k * k)
        var p = [Float](repeating: 1 / Float(k), count: k)
        for i in 0..<k {
            for j in 0..<i {
                q[i * k + i] += r[j * k + i] * r[j * k + i]
                q[i * k + j] = q[j * k + i]
            }
            for j in (i + 1)..<k {
                q[i * k + i] += r[j * k + i] * r[j * k + i]
                q[i * k + j] = -r[j * k + i] * r[i * k + j]
            }
        }
        let tolerance = 0.005 / Float(k)
        var qp = [Float](repeating: 0, count: k)
        for _ in 0..<100 {
            var pqp: Float = 0
            for i in 0..<k {
                qp[i] = 0
                for j in 0..<k { qp[i] += q[i * k + j] * p[j] }
                pqp += p[i] * qp[i]
            }
            if (0..<k).map({ abs(qp[$0] - pqp) }).max()! < tolerance { break }
            for i in 0..<k {
                let diff = (-qp[i] + pqp) / q[i * k + i]
                p[i] += diff
                pqp = (pqp + diff * (diff * q[i * k + i] + 2 * qp[i])) / (1 + diff) / (1 + diff)
                for j in 0..<k {
                    qp[j] = (qp[j] + diff * q[i * k + j]) / (1 + diff)
                    p[j] /= (1 + diff)
                }
            }
        }
        return p
    }
}
