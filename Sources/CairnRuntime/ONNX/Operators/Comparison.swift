import CairnCore

/// Two-input comparisons with numpy broadcasting: `Less`, `LessOrEqual`, `Greater`, `GreaterOrEqual`, `Equal`.
/// The result is a bool tensor, held (as every bool here, see ``Cast``) as 0/1 integers.
struct Comparison: Operator {
    enum Function: String, CaseIterable { case Less, LessOrEqual, Greater, GreaterOrEqual, Equal }
    let function: Function

    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        let a = try required(inputs, 0)
        let b = try required(inputs, 1)
        let shape = try Broadcast.shape(a.shape, b.shape)
        let (left, right) = try Broadcast.indices(a.shape, b.shape, to: shape)
        let outcomes: [Bool]
        switch (a.elements, b.elements) {
        case (.string(let x), .string(let y)) where function == .Equal:
            outcomes = zip(left, right).map { x[$0] == y[$1] }
        case (.string, _), (_, .string):
            throw CairnError.invalid("\(function.rawValue) compares numbers, not strings")
        case (.int64(let x), .int64(let y)):
            outcomes = zip(left, right).map { compare(x[$0], y[$1]) }
        default:
            let x = a.doubles(), y = b.doubles()
            outcomes = zip(left, right).map { compare(x[$0], y[$1]) }
        }
        return [try Tensor(shape: shape, elements: .int64(outcomes.map { $0 ? 1 : 0 }))]
    }

    private func compare<T: Comparable>(_ x: T, _ y: T) -> Bool {
        switch function {
        case .Less: x < y
        case .LessOrEqual: x <= y
        case .Greater: x > y
        case .GreaterOrEqual: x >= y
        case .Equal: x == y
        }
    }
}

/// `Sum`: the elementwise sum of one or more tensors with numpy broadcasting, added left to right as onnxruntime
/// does.
struct Sum: Operator {
    func run(_ inputs: [Tensor?]) throws -> [Tensor] {
        var total = try required(inputs, 0)
        for index in inputs.indices.dropFirst() {
            total = try Binary(function: .Add).run([total, try required(inputs, index)])[0]
        }
        return [total]
    }
}
