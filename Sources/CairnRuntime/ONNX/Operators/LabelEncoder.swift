import CairnCore

/// `ai.onnx.ml.LabelEncoder` (opsets 1–4): maps each input value through a table of keys to values — strings,
/// integers, floats or (opset 4 tensors) doubles either side — and unknown values to the default. skl2onnx's
/// `OrdinalEncoder` emits it. Floating-point keys match as onnxruntime's do: `-0` equals `0`, and a `NaN` key
/// matches a `NaN` input.
struct LabelEncoder: Operator {
    /// The keys, each mapped to the position of its value.
    enum Keys: Sendable {
        case strings([String: Int])
        case integers([Int64: Int])
        /// Float or double keys, held as doubles (exactly, for floats).
        case numbers([Double: Int], nan: Int?)
    }

    let keys: Keys
    /// The values, then the default: an unknown key selects the last element.
    let valuesAndDefault: Tensor.Elements

    /// Reads the keys, values and default from the typed lists (`keys_strings`, `values_int64s`, `default_int64`…)
    /// or, from opset 4, the tensors (`keys_tensor`, `values_tensor`, `default_tensor`).
    /// - Throws: `invalid_argument` for missing or duplicate keys, or keys and values of different counts.
    init(_ attributes: NodeAttributes) throws {
        let keyElements = try Self.elements(attributes, "keys")
        let values = try Self.elements(attributes, "values")
        guard let keyElements, let values, keyElements.count == values.count, keyElements.count > 0 else {
            throw attributes.invalid("its keys and values are missing or differ in count")
        }
        func positions<K: Hashable>(_ list: [K], skipping skipped: (K) -> Bool = { _ in false }) throws -> [K: Int] {
            var positions: [K: Int] = [:]
            for (index, key) in list.enumerated() where !skipped(key) && positions.updateValue(index, forKey: key) != nil {
                throw attributes.invalid("the key \(key) appears twice")
            }
            return positions
        }
        switch keyElements {
        case .string(let list): keys = .strings(try positions(list))
        case .int64(let list): keys = .integers(try positions(list))
        case .float(let list): keys = .numbers(try positions(list.map(Double.init), skipping: \.isNaN), nan: list.firstIndex { $0.isNaN })
        case .double(let list): keys = .numbers(try positions(list, skipping: \.isNaN), nan: list.firstIndex { $0.isNaN })
        }
        valuesAndDefault = try Self.appending(try Self.defaultValue(attributes, like: values), to: values, attributes)
    }

    /// The keys or values: the first of the typed lists that is present, else the opset 4 tensor.
    private static func elements(_ attributes: NodeAttributes, _ role: String) throws -> Tensor.Elements? {
        if case let strings = attributes.strings("\(role)_strings"), !strings.isEmpty { return .string(strings) }
        if case let integers = attributes.ints("\(role)_int64s"), !integers.isEmpty { return .int64(integers) }
        if case let floats = attributes.floats("\(role)_floats"), !floats.isEmpty { return .float(floats) }
        return attributes.has("\(role)_tensor") ? try attributes.tensor("\(role)_tensor").elements : nil
    }

    /// The value for unknown keys, in the type of the values, with the specification's defaults.
    private static func defaultValue(_ attributes: NodeAttributes, like values: Tensor.Elements) throws -> Tensor.Elements {
        if attributes.has("default_tensor") { return try attributes.tensor("default_tensor").elements }
        switch values {
        case .string: return .string([attributes.string("default_string", default: "_Unused")])
        case .int64: return .int64([attributes.int("default_int64", default: -1)])
        case .float: return .float([attributes.float("default_float", default: -0.0)])
        case .double: return .double([Double(attributes.float("default_float", default: -0.0))])
        }
    }

    private static func appending(_ last: Tensor.Elements, to values: Tensor.Elements, _ attributes: NodeAttributes) throws -> Tensor.Elements {
        switch (values, last) {
        case (.string(let list), .string(let value)) where value.count == 1: return .string(list + value)
        case (.int64(let list), .int64(let value)) where value.count == 1: return .int64(list + value)
        case (.float(let list), .float(let value)) where value.count == 1: return .float(list + value)
        case (.double(let list), .double(let value)) where value.count == 1: return .double(list + value)
        default: throw attributes.invalid("its default is not one value of the values' type")
        }
    }

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let input = try required(inputs, 0)
        let unknown = valuesAndDefault.count - 1
        let positions: [Int]
        switch (keys, input.elements) {
        case (.strings(let map), .string(let values)): positions = values.map { map[$0] ?? unknown }
        case (.integers(let map), .int64(let values)): positions = values.map { map[$0] ?? unknown }
        case (.numbers(let map, let nan), .float(let values)): positions = values.map { $0.isNaN ? nan ?? unknown : map[Double($0)] ?? unknown }
        case (.numbers(let map, let nan), .double(let values)): positions = values.map { $0.isNaN ? nan ?? unknown : map[$0] ?? unknown }
        default: throw CairnError.invalid("LabelEncoder's input does not have the type of its keys")
        }
        return [try Tensor(shape: input.shape, elements: valuesAndDefault.selecting(positions))]
    }
}
