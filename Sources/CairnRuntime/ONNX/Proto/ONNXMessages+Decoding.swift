/// Decoding of the ONNX messages from the wire format. Field numbers are those of `onnx-ml.proto`.

extension ModelProto {
    /// Decodes a serialized `ModelProto`.
    /// - Throws: `invalid_argument` when the bytes are not a well-formed message.
    init(bytes: [UInt8]) throws {
        var reader = ProtoReader(bytes[...])
        var sawGraph = false
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .varint): irVersion = try reader.int64()
            case (2, .lengthDelimited): producerName = try reader.string()
            case (3, .lengthDelimited): producerVersion = try reader.string()
            case (7, .lengthDelimited):
                graph = try GraphProto(reader: try reader.message())
                sawGraph = true
            case (8, .lengthDelimited):
                var opset = try reader.message()
                var domain = ""
                var version: Int64 = 0
                while let (field, wire) = try opset.field() {
                    switch (field, wire) {
                    case (1, .lengthDelimited): domain = try opset.string()
                    case (2, .varint): version = try opset.int64()
                    default: try opset.skip(wire)
                    }
                }
                opsets[domain == "ai.onnx" ? "" : domain] = version
            default: try reader.skip(type)
            }
        }
        guard sawGraph, irVersion > 0 else { throw ProtoReader.malformed("no graph or IR version (is this an ONNX file?)") }
    }
}

extension GraphProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .lengthDelimited): nodes.append(try NodeProto(reader: try reader.message()))
            case (5, .lengthDelimited): initializers.append(try TensorProto(reader: try reader.message()))
            case (11, .lengthDelimited): inputs.append(try ValueInfoProto(reader: try reader.message()))
            case (12, .lengthDelimited): outputs.append(try ValueInfoProto(reader: try reader.message()))
            case (15, .lengthDelimited): throw ProtoReader.malformed("sparse initializers are not supported")
            default: try reader.skip(type)
            }
        }
    }
}

extension NodeProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .lengthDelimited): inputs.append(try reader.string())
            case (2, .lengthDelimited): outputs.append(try reader.string())
            case (3, .lengthDelimited): name = try reader.string()
            case (4, .lengthDelimited): opType = try reader.string()
            case (7, .lengthDelimited): domain = try reader.string()
            case (5, .lengthDelimited):
                let attribute = try AttributeProto(reader: try reader.message())
                attributes[attribute.name] = attribute
            default: try reader.skip(type)
            }
        }
        if domain == "ai.onnx" { domain = "" }
    }
}

extension AttributeProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .lengthDelimited): name = try reader.string()
            case (2, .fixed32): float = try reader.float()
            case (3, .varint): int = try reader.int64()
            case (4, .lengthDelimited): bytes = Array(try reader.bytesField())
            case (5, .lengthDelimited): tensor = try TensorProto(reader: try reader.message())
            case (7, _): try reader.appendFloats(type, to: &floats)
            case (8, _): try reader.appendInt64s(type, to: &ints)
            case (9, .lengthDelimited): strings.append(Array(try reader.bytesField()))
            case (6, _), (10, _), (11, _), (14, _), (15, _), (22, _), (23, _):
                hasUnsupportedValue = true
                try reader.skip(type)
            default: try reader.skip(type)
            }
        }
    }
}

extension TensorProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, _): try reader.appendInt64s(type, to: &dims)
            case (2, .varint): dataType = Int32(truncatingIfNeeded: try reader.int64())
            case (4, _): try reader.appendFloats(type, to: &floats)
            case (5, _): try reader.appendInt64s(type, to: &int32s)
            case (6, .lengthDelimited): strings.append(Array(try reader.bytesField()))
            case (7, _): try reader.appendInt64s(type, to: &int64s)
            case (8, .lengthDelimited): name = try reader.string()
            case (9, .lengthDelimited): raw = try reader.bytesField()
            case (10, _): try reader.appendDoubles(type, to: &doubles)
            case (11, _): try reader.appendInt64s(type, to: &uint64s)
            case (13, .lengthDelimited):
                isExternal = true
                try reader.skip(type)
            case (14, .varint): isExternal = try reader.int64() == 1
            default: try reader.skip(type)
            }
        }
    }
}

extension ValueInfoProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .lengthDelimited): name = try reader.string()
            case (2, .lengthDelimited): self.type = try TypeProto(reader: try reader.message())
            default: try reader.skip(type)
            }
        }
    }
}

extension TypeProto {
    init(reader: ProtoReader) throws {
        var reader = reader
        self = .unknown
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .lengthDelimited): self = try Self.tensor(try reader.message())
            case (4, .lengthDelimited):
                try reader.skip(type)
                self = .sequence
            case (5, .lengthDelimited):
                try reader.skip(type)
                self = .map
            default: try reader.skip(type)
            }
        }
    }

    private static func tensor(_ reader: ProtoReader) throws -> TypeProto {
        var reader = reader
        var elementType: Int32 = 0
        var shape: [Int?]?
        while let (number, type) = try reader.field() {
            switch (number, type) {
            case (1, .varint): elementType = Int32(truncatingIfNeeded: try reader.int64())
            case (2, .lengthDelimited):
                var dims: [Int?] = []
                var shapeReader = try reader.message()
                while let (field, wire) = try shapeReader.field() {
                    guard field == 1, wire == .lengthDelimited else {
                        try shapeReader.skip(wire)
                        continue
                    }
                    var dimension = try shapeReader.message()
                    var value: Int?
                    while let (dimField, dimWire) = try dimension.field() {
                        if dimField == 1, dimWire == .varint {
                            let size = try dimension.int64()
                            value = size >= 0 && size <= Int64(Int32.max) ? Int(size) : nil
                        } else {
                            try dimension.skip(dimWire)
                        }
                    }
                    dims.append(value)
                }
                shape = dims
            default: try reader.skip(type)
            }
        }
        return .tensor(elementType: elementType, shape: shape)
    }
}
