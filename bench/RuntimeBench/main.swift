// The Swift side of bench/runtime.sh: times Cairn's runtime on the benchmark models, one thread, and prints one JSON
// object per line in the shape runtime_models.py prints for the Python engines.
import CairnML
import CairnRuntime
import Foundation

let directory = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? ".")
let rows = try CSVReader.read(path: directory.appendingPathComponent("rows.csv").path)
let singleCalls = 1000
let batchCalls = 20

func measure(_ name: String, _ file: String) throws {
    let predictor = try ModelLoader.load(at: directory.appendingPathComponent(file))
    let singles = (0..<rows.rowCount).map { rows.selecting(rows: [$0]) }
    for index in 0..<50 { _ = try predictor.predict(singles[index]) }
    var times: [Double] = []
    for call in 0..<singleCalls {
        let start = DispatchTime.now().uptimeNanoseconds
        _ = try predictor.predict(singles[call % singles.count])
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1000)
    }
    _ = try predictor.predict(rows)
    let start = DispatchTime.now().uptimeNanoseconds
    for _ in 0..<batchCalls { _ = try predictor.predict(rows) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    let line: [String: Any] = ["engine": "cairn", "model": name, "file": file, "single_us": times, "batch_rows_per_s": Double(batchCalls * rows.rowCount) / seconds]
    print(String(decoding: try JSONSerialization.data(withJSONObject: line), as: UTF8.self))
}

for (name, file) in [
    ("sklearn_gbdt", "sklearn_gbdt.onnx"), ("xgboost_gbdt", "xgboost_gbdt.onnx"), ("lightgbm_gbdt", "lightgbm_gbdt.onnx"),
    ("mlp_64x64", "mlp_64x64.onnx"), ("xgboost_gbdt", "xgboost_gbdt.json"), ("lightgbm_gbdt", "lightgbm_gbdt.txt"),
] {
    try measure(name, file)
}
