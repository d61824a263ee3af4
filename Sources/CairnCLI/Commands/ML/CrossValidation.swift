import CairnCore
import CairnML

/// K-fold cross-validation of a learner: the mean of each metric over the held-out folds, named `cv_<metric>`.
enum CrossValidation {
    static func meanMetrics(
        _ table: Table, target: String, task: LearningTask?, algorithm: Trainer.Algorithm,
        preprocessing: [PreprocessingStep] = [], folds k: Int
    ) throws -> [String: Double] {
        let targetColumn = try table.column(named: target)
        let folds: [DataSplit.Fold]
        if targetColumn.isCategorical && task != .regression {
            folds = try DataSplit.stratifiedKFold(labels: targetColumn.strings().map { $0 ?? "" }, k: k)
        } else {
            folds = try DataSplit.kFold(rowCount: table.rowCount, k: k)
        }
        var sums: [String: Double] = [:]
        for fold in folds {
            let model = try Trainer.train(table.selecting(rows: fold.train), target: target, task: task, algorithm: algorithm, preprocessing: preprocessing)
            for (name, value) in try Evaluation.evaluate(model, on: table.selecting(rows: fold.test), target: target) {
                sums["cv_\(name)", default: 0] += value
            }
        }
        return sums.mapValues { $0 / Double(folds.count) }
    }
}
