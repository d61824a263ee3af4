import CairnML

extension LearnerParameters {
    /// Every hyperparameter the learner trained with, under its LightGBM (or scikit-learn, for linear models) name:
    /// the defaults as well as the values given with `--param`, as MLflow's autologging records a whole
    /// configuration, so that two runs can be compared on any setting.
    static func effective(_ algorithm: Trainer.Algorithm, task: LearningTask) -> [(String, String)] {
        switch algorithm {
        case .gradientBoosting(let given):
            let parameters = given.resolved(for: task)
            var list: [(String, String)] = [
                ("num_iterations", "\(parameters.numIterations)"), ("learning_rate", "\(parameters.learningRate)"),
                ("num_leaves", "\(parameters.numLeaves)"), ("max_depth", "\(parameters.maxDepth)"),
                ("min_data_in_leaf", "\(parameters.minDataInLeaf)"), ("min_sum_hessian_in_leaf", "\(parameters.minSumHessianInLeaf)"),
                ("min_gain_to_split", "\(parameters.minGainToSplit)"), ("lambda_l1", "\(parameters.lambdaL1)"),
                ("lambda_l2", "\(parameters.lambdaL2)"), ("max_bin", "\(parameters.maxBin)"),
                ("bagging_fraction", "\(parameters.baggingFraction)"), ("bagging_freq", "\(parameters.baggingFrequency)"),
                ("feature_fraction", "\(parameters.featureFraction)"), ("early_stopping_rounds", "\(parameters.earlyStoppingRounds)"),
                ("max_delta_step", "\(parameters.maxDeltaStep ?? 0)"), ("max_cat_to_onehot", "\(parameters.maxCatToOnehot)"),
                ("max_cat_threshold", "\(parameters.maxCatThreshold)"), ("cat_l2", "\(parameters.catL2)"),
                ("cat_smooth", "\(parameters.catSmooth)"), ("min_data_per_group", "\(parameters.minDataPerGroup)"),
                ("seed", "\(parameters.seed)"),
            ]
            if task == .regression {
                list.append(("objective", parameters.objective.rawValue))
                if parameters.objective == .huber { list.append(("alpha", "\(parameters.alpha)")) }
            }
            return list
        case .randomForest(let parameters):
            return [
                ("n_estimators", "\(parameters.treeCount)"), ("max_depth", "\(parameters.maxDepth)"),
                ("min_data_in_leaf", "\(parameters.minDataInLeaf)"),
                ("max_features", parameters.featureFractionPerSplit.map { "\($0)" } ?? (task == .regression ? "1.0" : "sqrt")),
                ("bootstrap", "\(parameters.bootstrap)"), ("extremely_randomized", "\(parameters.extremelyRandomized)"),
                ("max_bin", "\(parameters.maxBin)"), ("seed", "\(parameters.seed)"),
            ]
        case .linear(let parameters):
            var list: [(String, String)] = [
                ("penalty", parameters.penalty.rawValue),
                task == .regression ? ("alpha", "\(parameters.alpha)") : ("C", "\(parameters.c)"),
            ]
            if parameters.penalty == .elasticnet { list.append(("l1_ratio", "\(parameters.l1Ratio)")) }
            list.append(("max_iter", "\(parameters.maxIterations)"))
            return list
        }
    }
}
