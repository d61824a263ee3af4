import CairnCore

/// A loaded ONNX graph: operators in an order where every input is computed before it is read, with every value
/// numbered so a run is one pass over an array.
struct ONNXGraph: Sendable {
    struct Step: Sendable {
        let name: String
        let operation: any Operator
        /// The value slot of each input; `nil` for an optional input left empty.
        let inputs: [Int?]
        let outputs: [Int]
    }

    let steps: [Step]
    let slotCount: Int
    let constants: [(slot: Int, tensor: Tensor)]
    /// The graph inputs that are not constants, with their slots.
    let inputs: [(info: ValueInfoProto, slot: Int)]
    let outputs: [(info: ValueInfoProto, slot: Int)]

    /// Loads a decoded model's graph.
    /// - Throws: `not_implemented` naming every unsupported operator and operator set; `invalid_argument` for a
    ///   value that nothing produces (such as a missing initializer), a value produced twice, or a cycle.
    init(_ model: ModelProto) throws {
        try OperatorSet.check(model.opsets)
        let graph = model.graph
        var unsupported: [String] = []
        var operations: [any Operator] = []
        for node in graph.nodes {
            do {
                operations.append(try OperatorSet.make(node, opsets: model.opsets))
            } catch let error as CairnError where error.code == .notImplemented && error.message.hasPrefix("the operator ") {
                unsupported.append(node.domain.isEmpty ? node.opType : "\(node.domain).\(node.opType)")
            }
        }
        if !unsupported.isEmpty {
            let names = Array(Set(unsupported)).sorted().joined(separator: ", ")
            throw CairnError(.notImplemented, "the model uses operators Cairn does not support: \(names)")
        }

        var slots: [String: Int] = [:]
        func slot(_ name: String) -> Int {
            if let existing = slots[name] { return existing }
            slots[name] = slots.count
            return slots.count - 1
        }
        var constants: [(Int, Tensor)] = []
        for initializer in graph.initializers {
            guard slots[initializer.name] == nil else { throw CairnError.invalid("the initializer '\(initializer.name)' appears twice") }
            constants.append((slot(initializer.name), try Tensor(proto: initializer)))
        }
        let constantNames = Set(graph.initializers.map(\.name))
        var inputs: [(ValueInfoProto, Int)] = []
        for input in graph.inputs where !constantNames.contains(input.name) {
            guard slots[input.name] == nil else { throw CairnError.invalid("the graph input '\(input.name)' appears twice") }
            inputs.append((input, slot(input.name)))
        }
        var available = Set(slots.keys)
        var producers: [String: Int] = [:]
        for (index, node) in graph.nodes.enumerated() {
            for output in node.outputs where !output.isEmpty {
                guard producers[output] == nil, !available.contains(output) else {
                    throw CairnError.invalid("the value '\(output)' is produced more than once")
                }
                producers[output] = index
            }
        }
        let order = try Self.topologicalOrder(graph.nodes, available: available, producers: producers)
        steps = order.map { index in
            let node = graph.nodes[index]
            return Step(
                name: node.name.isEmpty ? node.opType : node.name, operation: operations[index],
                inputs: node.inputs.map { $0.isEmpty ? nil : slot($0) }, outputs: node.outputs.map { slot($0) })
        }
        available.formUnion(producers.keys)
        for output in graph.outputs where !available.contains(output.name) {
            throw CairnError.invalid("the graph output '\(output.name)' is not produced by any node")
        }
        self.outputs = graph.outputs.map { ($0, slot($0.name)) }
        self.inputs = inputs
        self.constants = constants
        self.slotCount = slots.count
    }

    /// Kahn's algorithm over node dependencies, keeping the file's order among ready nodes.
    private static func topologicalOrder(_ nodes: [NodeProto], available: Set<String>, producers: [String: Int]) throws -> [Int] {
        var waiting = [Int](repeating: 0, count: nodes.count)
        var dependents = [[Int]](repeating: [], count: nodes.count)
        for (index, node) in nodes.enumerated() {
            for input in Set(node.inputs) where !input.isEmpty && !available.contains(input) {
                guard let producer = producers[input] else {
                    throw CairnError.invalid("the node '\(node.name)' (\(node.opType)) reads '\(input)', which no node, initializer or input provides")
                }
                waiting[index] += 1
                dependents[producer].append(index)
            }
        }
        var ready = (0..<nodes.count).filter { waiting[$0] == 0 }.reversed() as [Int]
        var order: [Int] = []
        while let next = ready.popLast() {
            order.append(next)
            for dependent in dependents[next] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.append(dependent) }
            }
        }
        guard order.count == nodes.count else {
            let stuck = (0..<nodes.count).filter { waiting[$0] > 0 }.map { nodes[$0].name.isEmpty ? nodes[$0].opType : nodes[$0].name }
            throw CairnError.invalid("the graph has a cycle through \(stuck.prefix(5).joined(separator: ", "))")
        }
        return order
    }

    /// Runs the graph.
    /// - Parameter feeds: a tensor for every graph input, by name.
    /// - Returns: the graph outputs, by name.
    /// - Throws: `not_found` for a missing input; `invalid_argument` naming the node whose inputs do not fit.
    func run(_ feeds: [String: Tensor]) throws -> [String: Tensor] {
        var values = [Tensor?](repeating: nil, count: slotCount)
        for (slot, tensor) in constants { values[slot] = tensor }
        for (info, slot) in inputs {
            guard let tensor = feeds[info.name] else { throw CairnError.notFound("the model input '\(info.name)' was not given") }
            values[slot] = tensor
        }
        for step in steps {
            let results: [Tensor]
            do {
                results = try step.operation.run(step.inputs.map { $0.flatMap { values[$0] } })
            } catch let error as CairnError {
                throw CairnError(error.code, "node '\(step.name)': \(error.message)")
            }
            for (slot, tensor) in zip(step.outputs, results) { values[slot] = tensor }
        }
        var outputs: [String: Tensor] = [:]
        for (info, slot) in self.outputs {
            guard let tensor = values[slot] else { throw CairnError.invalid("the model did not compute its output '\(info.name)'") }
            outputs[info.name] = tensor
        }
        return outputs
    }
}
