import CairnCore

/// Typed access to a node's attributes, with errors that name the node and the attribute.
struct NodeAttributes {
    let node: NodeProto

    private func missing(_ name: String) -> CairnError {
        CairnError.invalid("the \(node.opType) node '\(node.name)' lacks its '\(name)' attribute")
    }

    func has(_ name: String) -> Bool { node.attributes[name] != nil }

    func int(_ name: String) throws -> Int64 {
        guard let value = node.attributes[name]?.int else { throw missing(name) }
        return value
    }

    func int(_ name: String, default value: Int64) -> Int64 { node.attributes[name]?.int ?? value }

    func float(_ name: String, default value: Float) -> Float { node.attributes[name]?.float ?? value }

    func ints(_ name: String) -> [Int64] { node.attributes[name]?.ints ?? [] }

    func floats(_ name: String) -> [Float] { node.attributes[name]?.floats ?? [] }

    func string(_ name: String, default value: String) -> String {
        node.attributes[name]?.bytes.map { String(decoding: $0, as: UTF8.self) } ?? value
    }

    func strings(_ name: String) -> [String] {
        (node.attributes[name]?.strings ?? []).map { String(decoding: $0, as: UTF8.self) }
    }

    func tensor(_ name: String) throws -> Tensor {
        guard let proto = node.attributes[name]?.tensor else { throw missing(name) }
        return try Tensor(proto: proto)
    }

    /// An int attribute that must be one of `allowed`.
    func int(_ name: String, default value: Int64, in allowed: ClosedRange<Int64>) throws -> Int64 {
        let result = int(name, default: value)
        guard allowed.contains(result) else { throw unsupported("\(name)=\(result)") }
        return result
    }

    /// An error for a feature of this node that Cairn does not evaluate.
    func unsupported(_ what: String) -> CairnError {
        CairnError(.notImplemented, "the \(node.opType) node '\(node.name)' uses \(what), which Cairn does not support")
    }

    /// An error for an attribute whose value is inconsistent.
    func invalid(_ what: String) -> CairnError {
        CairnError.invalid("the \(node.opType) node '\(node.name)' is invalid: \(what)")
    }
}
