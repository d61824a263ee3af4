import CairnAPI
import CairnCore
import CairnServing

/// Converts between Open Inference Protocol wire tensors and Serving's flat tensors.
enum TensorMapping {
    /// A request tensor with its JSON data flattened in row-major order.
    /// - Throws: `invalidArgument` for an unknown datatype, nested data of unequal lengths (ragged), or an element
    ///   that is not a number, boolean, string or null.
    static func tensor(name: String, shape: [Int], datatype: String, data: JSONValue) throws -> InferenceTensor {
        let type = try TensorDatatype.parse(datatype, input: name)
        var flattener = Flattener(name: name)
        guard case .array = data else { throw CairnError.invalid("Input '\(name)' data must be a JSON array") }
        try flattener.walk(data, depth: 0)
        return InferenceTensor(name: name, datatype: type, shape: shape, values: flattener.values)
    }

    /// A response tensor with flat JSON data, or, with `binaryDataSize`, without data and with the size of its
    /// bytes in the binary part of the body.
    static func wire(_ tensor: InferenceTensor, binaryDataSize: Int? = nil) -> V2Tensor {
        guard let binaryDataSize else {
            return V2Tensor(name: tensor.name, shape: tensor.shape, datatype: tensor.datatype.rawValue, data: .array(tensor.values.map(json)))
        }
        var wire = V2Tensor(name: tensor.name, shape: tensor.shape, datatype: tensor.datatype.rawValue, data: nil)
        wire.parameters = ["binary_data_size": .integer(Int64(binaryDataSize))]
        return wire
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
