import CairnCore
import Foundation
import Testing

@testable import CairnML
@testable import CairnRuntime

/// Feeds every loader mutated copies of the fixture models and random bytes for a bounded time: each must load or
/// throw, never crash or hang, and whatever loads must predict or throw.
struct LoaderFuzzTests {
    static let models = ["xgb_binary.json", "xgb_binary.ubj", "lgb_categorical.txt", "skl_forest_binary.onnx", "skl_mlp_binary.onnx", "skl_column_transformer.onnx"]

    /// A copy of `data` with a few bytes flipped, a span deleted or duplicated, or cut short.
    static func mutate(_ data: Data, _ random: inout SeededGenerator) -> Data {
        var bytes = [UInt8](data)
        guard !bytes.isEmpty else { return data }
        switch random.next() % 4 {
        case 0:
            for _ in 0..<(1 + random.next() % 8) { bytes[Int(random.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: random.next()) }
        case 1:
            let start = Int(random.next() % UInt64(bytes.count))
            bytes.removeSubrange(start..<min(bytes.count, start + 1 + Int(random.next() % 64)))
        case 2:
            let start = Int(random.next() % UInt64(bytes.count))
            bytes.insert(contentsOf: bytes[start..<min(bytes.count, start + 1 + Int(random.next() % 64))], at: start)
        default:
            bytes = Array(bytes.prefix(Int(random.next() % UInt64(bytes.count))))
        }
        return Data(bytes)
    }

    @Test func mutatedAndRandomModelsNeverCrashTheLoaders() throws {
        let originals = try Self.models.map { try Data(contentsOf: URL(fileURLWithPath: RuntimeFixtures.path($0))) }
        let rows = try Table((0..<30).map { Column("f\($0)", doubles: [1, .nan, -3]) })
        var random = SeededGenerator(seed: 20_261_130)
        let deadline = Date().addingTimeInterval(3)
        var attempts = 0
        while Date() < deadline {
            attempts += 1
            let data: Data
            if attempts % 10 == 0 {
                data = Data((0..<Int(random.next() % 512)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
            } else {
                data = Self.mutate(originals[attempts % originals.count], &random)
            }
            for format in ModelFormat.allCases where format != .cairn {
                guard let predictor = try? ModelLoader.load(data, format: format) else { continue }
                _ = try? predictor.predict(rows)
            }
        }
        #expect(attempts > 20)
    }
}
