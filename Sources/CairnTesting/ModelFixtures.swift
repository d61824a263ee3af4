import CairnML
import Foundation

/// Small models trained on the spot, for serving tests.
public enum ModelFixtures {
    /// A deterministic table: numeric `x` and `y`, categorical `color`, a binary integer target `label` (1 when
    /// `x + y` is large or the color is red) and a numeric target `amount`.
    public static func table(rows: Int = 200) throws -> Table {
        let xs = (0..<rows).map { Double(($0 * 37) % 100) / 10 }
        let ys = (0..<rows).map { Double(($0 * 53) % 100) / 10 }
        let colors = (0..<rows).map { ["red", "blue", "green"][$0 % 3] }
        let labels = (0..<rows).map { row -> Int? in xs[row] + ys[row] > 10 || colors[row] == "red" ? 1 : 0 }
        let amounts = (0..<rows).map { 2 * xs[$0] - ys[$0] + (colors[$0] == "red" ? 5 : 0) }
        return try Table([
            Column("x", doubles: xs), Column("y", doubles: ys), Column("color", strings: colors),
            Column(name: "label", values: .int(labels)), Column("amount", doubles: amounts),
        ])
    }

    /// A boosted binary classifier of `label` from `x`, `y` and `color`.
    public static func classifier() throws -> TabularModel {
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 20
        parameters.minDataInLeaf = 5
        return try Trainer.train(try table().dropping(["amount"]), target: "label", algorithm: .gradientBoosting(parameters))
    }

    /// A linear regressor of `amount` from `x`, `y` and `color`.
    public static func regressor() throws -> TabularModel {
        try Trainer.train(try table().dropping(["label"]), target: "amount", algorithm: .linear(LinearParameters()))
    }

    /// Writes `model` as `model.cairn` in a new temporary directory and returns the directory.
    public static func directory(with model: TabularModel) throws -> URL {
        let directory = try TestStores.temporaryDirectory().appendingPathComponent("model")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try ModelFile.save(model, to: directory.appendingPathComponent("model.cairn").path)
        return directory
    }
}
