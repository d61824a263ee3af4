import CairnCore
import Testing

@testable import CairnRuntime

struct LabelEncoderTests {
    /// A LabelEncoder node with the given attributes.
    static func encoder(_ attributes: [AttributeProto]) throws -> LabelEncoder {
        var node = NodeProto()
        node.opType = "LabelEncoder"
        node.domain = "ai.onnx.ml"
        for attribute in attributes { node.attributes[attribute.name] = attribute }
        return try LabelEncoder(NodeAttributes(node: node))
    }

    @Test func mapsFloatKeysWithNaNAndSignedZeroAsOnnxruntimeDoes() throws {
        // Given float keys that include NaN and -0, mapped to strings, with a default
        var keys = AttributeProto(), values = AttributeProto(), fallback = AttributeProto()
        (keys.name, keys.floats) = ("keys_floats", [1.5, .nan, -0.0])
        (values.name, values.strings) = ("values_strings", [Array("a".utf8), Array("nan".utf8), Array("zero".utf8)])
        (fallback.name, fallback.bytes) = ("default_string", Array("other".utf8))
        let encoder = try Self.encoder([keys, values, fallback])
        // When it maps a column of floats
        let output = try encoder.run([try Tensor(shape: [2, 2], elements: .float([1.5, .nan, 0, 7]))])
        // Then NaN finds the NaN key, 0 finds -0, an unknown value gets the default, and the shape is kept
        #expect(output == [try Tensor(shape: [2, 2], elements: .string(["a", "nan", "zero", "other"]))])
    }

    @Test func readsOpset4TensorsAndTheIntegerDefault() throws {
        // Given opset 4 tensor attributes: int64 keys to float values, and no default (so -0.0)
        var keys = AttributeProto(), values = AttributeProto()
        keys.name = "keys_tensor"
        keys.tensor = TensorProto(dims: [2], dataType: Tensor.DataType.int64.rawValue, int64s: [3, 9])
        values.name = "values_tensor"
        values.tensor = TensorProto(dims: [2], dataType: Tensor.DataType.float.rawValue, floats: [0.25, 0.5])
        let encoder = try Self.encoder([keys, values])
        // When it maps integers
        let output = try encoder.run([try Tensor(shape: [3], elements: .int64([9, 4, 3]))])
        // Then known keys map and the unknown one gets -0.0
        guard case .float(let mapped) = output[0].elements else { Issue.record("expected floats"); return }
        #expect(mapped.map(\.bitPattern) == [Float(0.5), -0.0, 0.25].map(\.bitPattern))
    }

    @Test func mapsOpset4DoubleKeysToDoubleValues() throws {
        // Given double keys (NaN and -0 among them) mapped to doubles, with a default tensor
        var keys = AttributeProto(), values = AttributeProto(), fallback = AttributeProto()
        keys.name = "keys_tensor"
        keys.tensor = TensorProto(dims: [3], dataType: Tensor.DataType.double.rawValue, doubles: [0.1, .nan, -0.0])
        values.name = "values_tensor"
        values.tensor = TensorProto(dims: [3], dataType: Tensor.DataType.double.rawValue, doubles: [1, 2, 3])
        fallback.name = "default_tensor"
        fallback.tensor = TensorProto(dims: [1], dataType: Tensor.DataType.double.rawValue, doubles: [-1])
        let encoder = try Self.encoder([keys, values, fallback])
        // When it maps doubles, one of them the float nearest 0.1 (not the double key 0.1)
        let output = try encoder.run([try Tensor(shape: [5], elements: .double([0.1, .nan, 0, Double(Float(0.1)), 5]))])
        // Then keys match exactly, NaN finds NaN, 0 finds -0, and the rest get the default
        #expect(output == [try Tensor(shape: [5], elements: .double([1, 2, 3, -1, -1]))])
    }

    @Test func refusesDuplicateKeys() throws {
        var keys = AttributeProto(), values = AttributeProto()
        (keys.name, keys.ints) = ("keys_int64s", [1, 1])
        (values.name, values.ints) = ("values_int64s", [1, 2])
        #expect(throws: CairnError.invalid("the LabelEncoder node '' is invalid: the key 1 appears twice")) {
            try Self.encoder([keys, values])
        }
    }
}
