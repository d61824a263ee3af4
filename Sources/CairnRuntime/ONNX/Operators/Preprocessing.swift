import CairnCore
import Foundation

/// The feature (last-axis) index of each element of a tensor.
private func featureIndex(_ element: Int, _ shape: [Int]) -> Int { element % max(shape.last ?? 1, 1) }

/// Per-feature parameters: one value for all features or one per feature.
private func perFeature(_ values: [Float], _ element: Int, _ shape: [Int]) -> Float {
    values.count == 1 ? values[0] : values[featureIndex(element, shape)]
}

/// Checks that per-feature parameters fit the input's last axis.
private func checkWidth(_ count: Int, _ input: Tensor, _ name: String) throws {
    guard count == 1 || count == input.shape.last else {
        throw CairnError.invalid("\(name) has \(count) values per feature, but its input has shape \(input.shape)")
    }
}

/// `ai.onnx.ml.Scaler`: `(x − offset) × scale`, per feature, in float.
struct Scaler: Operator {
    let offset: [Float]
    let scale: [Float]

    init(_ attributes: NodeAttributes) throws {
        offset = attributes.floats("offset")
        scale = attributes.floats("scale")
        guard !offset.isEmpty || !scale.isEmpty else { throw attributes.invalid("it has neither offset nor scale") }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let offsets = offset.isEmpty ? [0] : offset
        let scales = scale.isEmpty ? [1] : scale
        try checkWidth(offsets.count, input, "Scaler offset")
        try checkWidth(scales.count, input, "Scaler scale")
        let values = try input.floats()
        // Per-feature parameters repeat along the last axis: walk it in runs rather than indexing each element.
        let width = max(offsets.count, scales.count)
        let output = [Float](unsafeUninitializedCapacity: values.count) { out, initialized in
            for start in stride(from: 0, to: values.count, by: width) {
                for j in 0..<min(width, values.count - start) {
                    out[start + j] = (values[start + j] - offsets[offsets.count == 1 ? 0 : j]) * scales[scales.count == 1 ? 0 : j]
                }
            }
            initialized = values.count
        }
        return [try Tensor(shape: input.shape, elements: .float(output))]
    }
}

/// `ai.onnx.ml.Imputer`: replaces a marker value (`NaN` by default for floats) with a per-feature value.
struct Imputer: Operator {
    let imputed: [Float]
    let replaced: Float
    let imputedIntegers: [Int64]
    let replacedInteger: Int64

    init(_ attributes: NodeAttributes) throws {
        imputed = attributes.floats("imputed_value_floats")
        replaced = attributes.float("replaced_value_float", default: 0)
        imputedIntegers = attributes.ints("imputed_value_int64s")
        replacedInteger = attributes.int("replaced_value_int64", default: 0)
        guard !imputed.isEmpty || !imputedIntegers.isEmpty else { throw attributes.invalid("it has no imputed values") }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        switch input.elements {
        case .int64(let values) where !imputedIntegers.isEmpty:
            try checkWidth(imputedIntegers.count, input, "Imputer")
            let output = values.indices.map { i -> Int64 in
                guard values[i] == replacedInteger else { return values[i] }
                return imputedIntegers.count == 1 ? imputedIntegers[0] : imputedIntegers[featureIndex(i, input.shape)]
            }
            return [try Tensor(shape: input.shape, elements: .int64(output))]
        default:
            guard !imputed.isEmpty else { throw CairnError.invalid("Imputer has integer values but got \(input.elements.typeName) input") }
            try checkWidth(imputed.count, input, "Imputer")
            let values = try input.floats()
            let output = values.indices.map { i -> Float in
                let x = values[i]
                let matches = replaced.isNaN ? x.isNaN : x == replaced
                return matches ? perFeature(imputed, i, input.shape) : x
            }
            return [try Tensor(shape: input.shape, elements: .float(output))]
        }
    }
}

/// `ai.onnx.ml.Normalizer`: scales each row by its MAX, L1 or L2 norm.
struct Normalizer: Operator {
    enum Norm: String { case max = "MAX", l1 = "L1", l2 = "L2" }
    let norm: Norm

    init(_ attributes: NodeAttributes) throws {
        let name = attributes.string("norm", default: "MAX")
        guard let norm = Norm(rawValue: name) else { throw attributes.unsupported("norm=\(name)") }
        self.norm = norm
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        var values = try input.floats()
        let width = max(input.shape.last ?? 1, 1)
        for start in stride(from: 0, to: values.count, by: width) {
            let row = values[start..<start + width]
            let divisor: Float
            switch norm {
            case .max: divisor = row.max() ?? 1
            case .l1: divisor = row.reduce(0) { $0 + abs($1) }
            case .l2: divisor = row.reduce(0) { $0 + $1 * $1 }.squareRoot()
            }
            for index in start..<start + width { values[index] /= divisor }
        }
        return [try Tensor(shape: input.shape, elements: .float(values))]
    }
}

/// `ai.onnx.ml.OneHotEncoder`: appends an axis of one indicator per category; unknown values give all zeros
/// (`zeros=1`) or an error.
struct OneHotEncoder: Operator {
    let strings: [String: Int]
    let integers: [Int64: Int]
    let categoryCount: Int
    let zerosForUnknown: Bool

    init(_ attributes: NodeAttributes) throws {
        let names = attributes.strings("cats_strings")
        let numbers = attributes.ints("cats_int64s")
        categoryCount = max(names.count, numbers.count)
        guard categoryCount > 0 else { throw attributes.invalid("it has no categories") }
        strings = Dictionary(names.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        integers = Dictionary(numbers.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        zerosForUnknown = attributes.int("zeros", default: 1) != 0
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let positions: [Int?]
        switch input.elements {
        case .string(let values): positions = values.map { strings[$0] }
        default: positions = try input.int64s().map { integers[$0] }
        }
        try Tensor.checkSize(positions.count * categoryCount)
        var output = [Float](repeating: 0, count: positions.count * categoryCount)
        for (index, position) in positions.enumerated() {
            if let position {
                output[index * categoryCount + position] = 1
            } else if !zerosForUnknown {
                throw CairnError.invalid("OneHotEncoder got a category it does not know")
            }
        }
        return [try Tensor(shape: input.shape + [categoryCount], elements: .float(output))]
    }
}

/// `ai.onnx.ml.Binarizer`: 1 where `x > threshold`, else 0.
struct Binarizer: Operator {
    let threshold: Float

    init(_ attributes: NodeAttributes) { threshold = attributes.float("threshold", default: 0) }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        return [try Tensor(shape: input.shape, elements: .float(try input.floats().map { $0 > threshold ? 1 : 0 }))]
    }
}
