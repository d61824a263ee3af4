import CairnCore
import CairnML
import CairnServing
import CairnTesting
import Testing

struct TensorInputTests {
    let signature: ServingSignature

    init() throws { signature = ServingSignature(of: try ModelFixtures.classifier()) }

    @Test func signatureKnowsCategoricalFeaturesAndOutputs() {
        #expect(signature.inputNames == ["x", "y", "color"])
        #expect(signature.inputs.map(\.isCategorical) == [false, false, true])
        #expect(signature.outputs.map(\.name) == ["label", "probabilities"])
        #expect(signature.outputs[1].shape == [-1, 2])
    }

    @Test func aTwoDimensionalTensorMapsFeaturesByPosition() throws {
        let tensor = InferenceTensor(
            name: "input-0", datatype: .bytes, shape: [2, 3],
            values: [.text("1"), .text("2"), .text("red"), .text("3"), .text("4"), .text("blue")])
        let table = try InferenceInput.tensors([tensor]).table(for: signature)
        #expect(table.columnNames == ["x", "y", "color"])
        #expect(try table.column(named: "y").doubles() == [2, 4])
        #expect(try table.column(named: "color").strings() == ["red", "blue"])
    }

    @Test func oneTensorPerFeatureMapsByName() throws {
        let tensors = [
            InferenceTensor(name: "color", datatype: .bytes, shape: [1], values: [.text("green")]),
            InferenceTensor(name: "x", datatype: .fp32, shape: [1, 1], values: [.number(1.5)]),
            InferenceTensor(name: "y", datatype: .int64, shape: [1], values: [.number(2)]),
        ]
        let table = try InferenceInput.tensors(tensors).table(for: signature)
        #expect(try table.column(named: "x").doubles() == [1.5])
    }

    @Test(arguments: [
        (InferenceTensor(name: "x", datatype: .fp64, shape: [2], values: [.number(1)]), "needs 2 elements"),
        (InferenceTensor(name: "x", datatype: .int32, shape: [1], values: [.number(1.5)]), "not a value of datatype INT32"),
        (InferenceTensor(name: "x", datatype: .uint8, shape: [1], values: [.number(-1)]), "not a value of datatype UINT8"),
        (InferenceTensor(name: "x", datatype: .bool, shape: [1], values: [.number(1)]), "not a value of datatype BOOL"),
        (InferenceTensor(name: "z", datatype: .fp64, shape: [1], values: [.number(1)]), "Unknown input 'z'"),
        (InferenceTensor(name: "in", datatype: .fp64, shape: [1, 2], values: [.number(1), .number(2)]), "must be [batch, 3]"),
    ])
    func badTensorsAreRejectedNamingTheInput(tensor: InferenceTensor, message: String) {
        let error = #expect(throws: CairnError.self) { try InferenceInput.tensors([tensor]).table(for: signature) }
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.contains(message) == true, "\(error?.message ?? "")")
    }

    @Test func absentFeaturesAreListed() {
        let tensors = [InferenceTensor(name: "x", datatype: .fp64, shape: [1], values: [.number(1)])]
        let error = #expect(throws: CairnError.self) { try InferenceInput.tensors(tensors).table(for: signature) }
        #expect(error?.message.contains("missing inputs ['y', 'color']") == true)
    }

    @Test func nonNumericTextAndInfinityAreRejectedForNumericFeatures() {
        let text = InferenceInput.columns(["x": [.text("abc")], "y": [.number(1)], "color": [.text("red")]])
        #expect(throws: CairnError.invalid("Input 'x' row 0: expected a number, got 'abc'")) { try text.table(for: signature) }
        let infinite = InferenceInput.columns(["x": [.number(.infinity)], "y": [.number(1)], "color": [.text("red")]])
        #expect(throws: CairnError.invalid("Input 'x' row 0: infinite values are not allowed")) { try infinite.table(for: signature) }
    }

    @Test func missingValuesReachTheModelAsNaNOrNoCategory() throws {
        let input = InferenceInput.columns(["x": [.missing], "y": [.number(.nan)], "color": [.missing]])
        let table = try input.table(for: signature)
        #expect(try table.column(named: "x").doubles()[0].isNaN)
        #expect(try table.column(named: "y").doubles()[0].isNaN)
        #expect(try table.column(named: "color").strings()[0] == nil)
    }
}
