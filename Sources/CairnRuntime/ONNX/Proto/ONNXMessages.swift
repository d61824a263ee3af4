/// The parts of ONNX's protocol buffer messages (`onnx-ml.proto`) that Cairn reads; other fields are skipped.

/// `ModelProto`: a graph and the operator sets it uses.
struct ModelProto {
    var irVersion: Int64 = 0
    /// Operator set versions by domain (`""` is the standard `ai.onnx` domain).
    var opsets: [String: Int64] = [:]
    var producerName = ""
    var producerVersion = ""
    var graph = GraphProto()
}

/// `GraphProto`: nodes, constant tensors and the graph's inputs and outputs.
struct GraphProto {
    var nodes: [NodeProto] = []
    var initializers: [TensorProto] = []
    var inputs: [ValueInfoProto] = []
    var outputs: [ValueInfoProto] = []
}

/// `NodeProto`: one operator call.
struct NodeProto {
    var inputs: [String] = []
    var outputs: [String] = []
    var name = ""
    var opType = ""
    var domain = ""
    var attributes: [String: AttributeProto] = [:]
}

/// `AttributeProto`: a named constant argument of a node; which field is set depends on its type.
struct AttributeProto {
    var name = ""
    var float: Float?
    var int: Int64?
    var bytes: [UInt8]?
    var tensor: TensorProto?
    var floats: [Float] = []
    var ints: [Int64] = []
    var strings: [[UInt8]] = []
    /// Whether the attribute holds a graph, a sparse tensor or a type, which no supported operator takes.
    var hasUnsupportedValue = false
}

/// `TensorProto`: a constant tensor, stored in typed fields or as little-endian `raw_data`.
struct TensorProto {
    var name = ""
    var dims: [Int64] = []
    var dataType: Int32 = 0
    var floats: [Float] = []
    var int32s: [Int64] = []
    var int64s: [Int64] = []
    var doubles: [Double] = []
    var uint64s: [Int64] = []
    var strings: [[UInt8]] = []
    var raw: ArraySlice<UInt8>?
    /// Whether the data lives in an external file, which Cairn does not read.
    var isExternal = false
}

/// `ValueInfoProto`: the name and type of a graph input or output.
struct ValueInfoProto {
    var name = ""
    var type = TypeProto.unknown
}

/// `TypeProto`, reduced to what a signature shows.
enum TypeProto: Equatable {
    /// A tensor of an element type (`TensorProto.DataType`) and a shape whose unknown dimensions are `nil`.
    case tensor(elementType: Int32, shape: [Int?]?)
    /// A sequence of maps, as ZipMap outputs.
    case sequence
    case map
    case unknown
}
