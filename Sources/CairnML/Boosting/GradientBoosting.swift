import CairnCore

/// Trains ``GradientBoostingModel``s with histogram-based, leaf-wise gradient boosting in the LightGBM style.
public struct GradientBoosting: Sendable {
    /// The hyperparameters.
    public let parameters: GradientBoostingParameters

    /// A trainer with the given hyperparameters.
    public init(parameters: GradientBoostingParameters = GradientBoostingParameters()) {
        self.parameters = parameters
    }

    /// Trains an ensemble.
    /// - Parameters:
    ///   - features: the training features; `categorical[f]` says whether feature `f` holds category codes.
    ///   - labels: class indices (as numbers) or regression targets.
    ///   - task: the task; `classCount` is the number of classes (ignored for regression).
    ///   - validation: features and labels to measure after every round, for early stopping.
    ///   - progress: called after every round with its index and the validation loss, if any.
    /// - Throws: `invalid_argument` for bad parameters, mismatched inputs or no rows.
    public func fit(
        features: FeatureMatrix, categorical: [Bool], labels: [Double], task: LearningTask, classCount: Int,
        validation: (features: FeatureMatrix, labels: [Double])? = nil,
        progress: (@Sendable (Int, Double?) -> Void)? = nil
    ) throws -> GradientBoostingModel {
        try parameters.validate()
        guard features.rowCount > 0, labels.count == features.rowCount, categorical.count == features.featureCount else {
            throw CairnError.invalid("boosting needs at least one row and one label and kind per row and feature")
        }
        if parameters.objective != .l2, task != .regression {
            throw CairnError.invalid("objective \(parameters.objective.rawValue) needs a regression task, not \(task.rawValue)")
        }
        let objective = BoostingObjective(
            task: task, classCount: task == .regression ? 1 : classCount, regression: parameters.objective,
            alpha: parameters.alpha)
        let data = BinnedData(features, categorical: categorical, maxBin: parameters.maxBin)
        let parameters = parameters.resolved(for: task)
        // One team for the whole fit: the trees of one-tree rounds share each leaf's work between the cores.
        return WorkerTeam.with { workers in
            // The trees of a multiclass round grow concurrently already.
            let grower = TreeGrower(data: data, parameters: parameters, workers: objective.outputCount == 1 ? workers : nil)
            let initial = objective.initialScores(labels)
            var scores = initial.map { [Double](repeating: $0, count: features.rowCount) }
            // Validation rows walk each new tree by their bins, which is cheaper than by their values.
            let validBins = validation.map { RowBins($0.features, mappers: data.mappers) }
            let bagging = parameters.baggingFrequency > 0 && parameters.baggingFraction < 1
            let trainingBins = bagging ? RowBins(columns: data.bins) : nil
            var validScores = initial.map { [Double](repeating: $0, count: validation?.features.rowCount ?? 0) }
            var random = SeededGenerator(seed: parameters.seed)
            var bag = (0..<features.rowCount).map(Int32.init)
            var trees: [[DecisionTree]] = []
            var losses: [Double] = []
            var best = (iteration: 0, loss: Double.infinity)
            var roundGradients = RoundGradients()
            for iteration in 0..<parameters.numIterations {
                if bagging, iteration % parameters.baggingFrequency == 0 {
                    let size = max(1, Int(parameters.baggingFraction * Double(features.rowCount)))
                    bag = random.sample(size, of: features.rowCount).map(Int32.init)
                }
                let columnCount = max(1, Int((parameters.featureFraction * Double(features.featureCount)).rounded()))
                let used = random.sample(columnCount, of: features.featureCount)
                objective.gradients(scores: scores, labels: labels, workers: workers, into: &roundGradients)
                let (gradients, hessians) = (roundGradients.gradients, roundGradients.hessians)
                // Only absolute error reads the scores while growing; the others leave them free to update in place.
                let (roundScores, roundBag) = (objective.refitsLeaves ? scores : [], bag)
                // The trees of a multiclass round are independent: one per core.
                let round = Parallel.map(objective.outputCount) { k in
                    let refit = objective.refitsLeaves
                        ? { (rows: ArraySlice<Int32>) in objective.refittedLeafValue(rows: rows, scores: roundScores[k], labels: labels) }
                        : nil
                    return grower.grow(
                        rows: roundBag, gradients: gradients[k], hessians: hessians[k], features: used,
                        shrinkage: parameters.learningRate, leafValue: refit)
                }
                // No tree of the round could split: the gradients stay as they are, so training is over.
                if round.allSatisfy({ $0.tree.nodeCount == 0 }) { break }
                // A tree that found no split adds nothing (LightGBM's rule): its one leaf would be -G/H over all rows,
                // which is unbounded once hessians vanish (softmax rows already predicted with certainty).
                for (k, grown) in round.enumerated() where grown.tree.nodeCount > 0 {
                    if bag.count == features.rowCount {
                        grown.addLeafValues(to: &scores[k], workers: workers)
                    } else {
                        grown.addLeafValues(rows: trainingBins!, to: &scores[k], workers: workers)
                    }
                    if let validBins { grown.addLeafValues(rows: validBins, to: &validScores[k], workers: workers) }
                }
                trees.append(round.map { $0.tree.nodeCount == 0 ? DecisionTree(leafValue: 0, cover: $0.tree.leafCover[0]) : $0.tree })
                guard let validation else {
                    progress?(iteration, nil)
                    continue
                }
                let loss = objective.loss(scores: validScores, labels: validation.labels, workers: workers)
                losses.append(loss)
                progress?(iteration, loss)
                if loss < best.loss { best = (iteration, loss) }
                if parameters.earlyStoppingRounds > 0, iteration - best.iteration >= parameters.earlyStoppingRounds { break }
            }
            if parameters.earlyStoppingRounds > 0, validation != nil { trees.removeLast(trees.count - best.iteration - 1) }
            return GradientBoostingModel(task: task, initialScores: initial, trees: trees, validationLoss: losses)
        }
    }
}
