import CairnAPI
import CairnCore
import CairnServing

/// Converts between Open Inference Protocol wire tensors and Serving's flat tensors.
enum TensorMapping {
    /// A request tensor with its data flattened in row-major order.
    /// - Throws: `invalidArgument` for an unknown datatype, nested data of unequal lengths (ragged), or an element
    ///   that is not a number, boolean, string or null.
    static func tensor(_ wire: V2Tensor) throws -> InferenceTensor {
        guard let datatype = TensorDatatype(rawValue: wire.datatype) else {
            throw CairnError.invalid(
                "Input '\(wire.name)' has unknown datatype '\(wire.datatype)'; expected one of \(TensorDatatype.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        var flattener = Flattener(name: wire.name)
        guard case .array = wire.data else { throw CairnError.invalid("Input '\(wire.name)' data must be a JSON array") }
        try flattener.walk(wire.data, depth: 0)
        return InferenceTensor(name: wire.name, datatype: datatype, shape: wire.shape, values: flattener.values)
    }

    /// A response tensor with flat data.
    static func wire(_ tensor: InferenceTensor) -> V2Tensor {
        V2Tensor(name: tensor.name, shape: tensor.shape, datatype: tensor.datatype.rawValue, data: .array(tensor.values.map(json)))
    }

    /// A value as JSON.
    static func json(_ value: FeatureValue) -> JSONValue {
        switch value {
        case .missing: .null
        case .bool(let value): .bool(value)
        case .number(let value): .number(value)
        case .text(let value): .string(value)
        }
    }

    /// A JSON scalar as a request value.
    /// - Throws: `invalidArgument` for an array or object.
    static func value(_ json: JSONValue, at place: @autoclosure () -> String) throws -> FeatureValue {
        switch json {
        case .null: .missing
        case .bool(let value): .bool(value)
        case .integer(let value): .number(Double(value))
        case .number(let value): .number(value)
        case .string(let value): .text(value)
        case .array, .object: throw CairnError.invalid("\(place()) must be a number, string, boolean or null, not \(json.jsonText)")
        }
    }

    /// Walks nested arrays, keeping the leaves in order and checking that every array at one depth has the same
    /// length and that leaves all sit at one depth.
    private struct Flattener {
        let name: String
        var values: [FeatureValue] = []
        var lengths: [Int] = []
        var leafDepth: Int?

        init(name: String) { self.name = name }

        mutating func walk(_ node: JSONValue, depth: Int) throws {
            guard case .array(let items) = node else {
                if let leafDepth, leafDepth != depth { throw ragged() }
                leafDepth = depth
                values.append(try TensorMapping.value(node, at: "Input '\(name)' element \(values.count)"))
                return
            }
            if depth < lengths.count {
                guard lengths[depth] == items.count else { throw ragged() }
            } else {
                if let leafDepth, leafDepth <= depth { throw ragged() }
                lengths.append(items.count)
            }
            for item in items { try walk(item, depth: depth + 1) }
        }

        func ragged() -> CairnError {
            .invalid("Input '\(name)' data is ragged: nested arrays must all have the same length at each depth")
        }
    }
}
