import CairnCore

extension Tensor {
    /// The `TensorProto.DataType` codes Cairn evaluates and how it holds them.
    enum DataType: Int32 {
        case float = 1, uint8 = 2, int8 = 3, uint16 = 4, int16 = 5, int32 = 6, int64 = 7, string = 8, bool = 9
        case double = 11, uint32 = 12, uint64 = 13

        /// The ONNX name of the type, as signatures show it.
        var name: String {
            switch self {
            case .float: "float"
            case .uint8: "uint8"
            case .int8: "int8"
            case .uint16: "uint16"
            case .int16: "int16"
            case .int32: "int32"
            case .int64: "int64"
            case .string: "string"
            case .bool: "bool"
            case .double: "double"
            case .uint32: "uint32"
            case .uint64: "uint64"
            }
        }

        /// The size of one element in `raw_data`.
        var rawSize: Int {
            switch self {
            case .uint8, .int8, .bool: 1
            case .uint16, .int16: 2
            case .float, .int32, .uint32: 4
            case .int64, .double, .uint64: 8
            case .string: 0
            }
        }
    }

    /// The tensor a `TensorProto` holds, typed fields or `raw_data`.
    /// - Throws: `invalid_argument` when the data does not fill the dimensions; `not_implemented` for an element
    ///   type Cairn does not evaluate or data stored in an external file.
    init(proto: TensorProto) throws {
        let label = proto.name.isEmpty ? "a constant tensor" : "the tensor '\(proto.name)'"
        guard !proto.isExternal else { throw CairnError(.notImplemented, "\(label) keeps its data in an external file, which Cairn does not read") }
        guard let type = DataType(rawValue: proto.dataType) else {
            throw CairnError(.notImplemented, "\(label) has element type \(proto.dataType), which Cairn does not evaluate")
        }
        guard proto.dims.allSatisfy({ $0 >= 0 && $0 <= Int64(Int32.max) }), let count = Tensor.count(of: proto.dims.map { Int($0) }) else {
            throw CairnError.invalid("\(label) has invalid dimensions \(proto.dims)")
        }
        let shape = proto.dims.map { Int($0) }
        if let raw = proto.raw, type != .string {
            guard raw.count == count * type.rawSize else {
                throw CairnError.invalid("\(label) holds \(raw.count) bytes, not the \(count * type.rawSize) its shape \(shape) needs")
            }
            try self.init(shape: shape, elements: Self.decodeRaw(raw, type: type, count: count))
            return
        }
        let elements: Elements
        switch type {
        case .float: elements = .float(proto.floats)
        case .double: elements = .double(proto.doubles)
        case .int64: elements = .int64(proto.int64s)
        case .uint32, .uint64: elements = .int64(proto.uint64s)
        case .string: elements = .string(proto.strings.map { String(decoding: $0, as: UTF8.self) })
        case .int32, .int16, .int8, .uint16, .uint8, .bool: elements = .int64(proto.int32s)
        }
        guard elements.count == count else {
            throw CairnError.invalid("\(label) holds \(elements.count) values, not the \(count) its shape \(shape) needs")
        }
        try self.init(shape: shape, elements: elements)
    }

    private static func decodeRaw(_ raw: ArraySlice<UInt8>, type: DataType, count: Int) -> Elements {
        func word(_ index: Int, _ size: Int) -> UInt64 {
            var value: UInt64 = 0
            let start = raw.startIndex + index * size
            for offset in 0..<size { value |= UInt64(raw[start + offset]) << (8 * UInt64(offset)) }
            return value
        }
        switch type {
        case .float: return .float((0..<count).map { Float(bitPattern: UInt32(word($0, 4))) })
        case .double: return .double((0..<count).map { Double(bitPattern: word($0, 8)) })
        case .int64, .uint64: return .int64((0..<count).map { Int64(bitPattern: word($0, 8)) })
        case .int32: return .int64((0..<count).map { Int64(Int32(truncatingIfNeeded: word($0, 4))) })
        case .uint32: return .int64((0..<count).map { Int64(word($0, 4)) })
        case .int16: return .int64((0..<count).map { Int64(Int16(truncatingIfNeeded: word($0, 2))) })
        case .uint16: return .int64((0..<count).map { Int64(word($0, 2)) })
        case .int8: return .int64((0..<count).map { Int64(Int8(truncatingIfNeeded: word($0, 1))) })
        case .uint8, .bool: return .int64((0..<count).map { Int64(word($0, 1)) })
        case .string: return .string([])
        }
    }
}
