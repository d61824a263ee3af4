import CairnCore
import CairnML

/// Turns `--param key=value` assignments into a learner's hyperparameters, with LightGBM's names and aliases.
enum LearnerParameters {
    /// The learner and its parameters for `--model` and `--param` values.
    /// - Throws: `invalidArgument` for an unknown model, an unknown key, or a value of the wrong type.
    static func algorithm(model: String, assignments: [String]) throws -> Trainer.Algorithm {
        let values = try parse(assignments)
        switch model {
        case "gbdt", "gbm", "boosting":
            var parameters = GradientBoostingParameters()
            for (key, text) in values {
                switch key {
                case "num_iterations", "n_estimators", "num_rounds": parameters.numIterations = try int(key, text)
                case "learning_rate", "eta": parameters.learningRate = try double(key, text)
                case "num_leaves": parameters.numLeaves = try int(key, text)
                case "max_depth": parameters.maxDepth = try int(key, text)
                case "min_data_in_leaf", "min_child_samples": parameters.minDataInLeaf = try int(key, text)
                case "min_sum_hessian_in_leaf": parameters.minSumHessianInLeaf = try double(key, text)
                case "min_gain_to_split": parameters.minGainToSplit = try double(key, text)
                case "lambda_l1", "reg_alpha": parameters.lambdaL1 = try double(key, text)
                case "lambda_l2", "reg_lambda": parameters.lambdaL2 = try double(key, text)
                case "max_bin": parameters.maxBin = try int(key, text)
                case "bagging_fraction", "subsample": parameters.baggingFraction = try double(key, text)
                case "bagging_freq": parameters.baggingFrequency = try int(key, text)
                case "feature_fraction", "colsample_bytree": parameters.featureFraction = try double(key, text)
                case "early_stopping_rounds", "early_stopping_round": parameters.earlyStoppingRounds = try int(key, text)
                case "seed": parameters.seed = UInt64(try int(key, text))
                case "max_delta_step", "max_tree_output", "max_leaf_output": parameters.maxDeltaStep = try double(key, text)
                case "objective": parameters.objective = try regressionObjective(text)
                case "alpha", "huber_delta": parameters.alpha = try double(key, text)
                case "max_cat_to_onehot": parameters.maxCatToOnehot = try int(key, text)
                case "cat_l2": parameters.catL2 = try double(key, text)
                case "cat_smooth": parameters.catSmooth = try double(key, text)
                case "max_cat_threshold": parameters.maxCatThreshold = try int(key, text)
                case "min_data_per_group": parameters.minDataPerGroup = try int(key, text)
                default: throw CairnError.invalid("Unknown parameter '\(key)' for model gbdt")
                }
            }
            return .gradientBoosting(parameters)
        case "linear":
            var parameters = LinearParameters()
            for (key, text) in values {
                switch key {
                case "penalty":
                    guard let penalty = LinearParameters.Penalty(rawValue: text) else {
                        throw CairnError.invalid("Parameter 'penalty' must be l1, l2 or elasticnet, got '\(text)'")
                    }
                    parameters.penalty = penalty
                case "alpha": parameters.alpha = try double(key, text)
                case "C", "c": parameters.c = try double(key, text)
                case "l1_ratio": parameters.l1Ratio = try double(key, text)
                case "max_iter", "max_iterations": parameters.maxIterations = try int(key, text)
                default: throw CairnError.invalid("Unknown parameter '\(key)' for model linear")
                }
            }
            return .linear(parameters)
        case "rf", "random_forest", "extratrees", "extra_trees":
            var parameters = model.hasPrefix("extra") ? RandomForestParameters.extraTrees : RandomForestParameters()
            for (key, text) in values {
                switch key {
                case "n_estimators", "num_trees", "num_iterations": parameters.treeCount = try int(key, text)
                case "max_depth": parameters.maxDepth = try int(key, text)
                case "min_data_in_leaf", "min_samples_leaf": parameters.minDataInLeaf = try int(key, text)
                case "max_features", "feature_fraction_bynode": parameters.featureFractionPerSplit = try double(key, text)
                case "bootstrap": parameters.bootstrap = try bool(key, text)
                case "max_bin": parameters.maxBin = try int(key, text)
                case "seed", "random_state": parameters.seed = UInt64(try int(key, text))
                default: throw CairnError.invalid("Unknown parameter '\(key)' for model \(model)")
                }
            }
            return .randomForest(parameters)
        default:
            throw CairnError.invalid("Unknown model '\(model)': use gbdt, rf, extratrees or linear")
        }
    }

    /// `key=value` pairs in order; a key given twice keeps its last value.
    static func parse(_ assignments: [String]) throws -> [(String, String)] {
        try assignments.map { assignment in
            let parts = assignment.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw CairnError.invalid("Invalid --param '\(assignment)': expected key=value")
            }
            return (String(parts[0]), String(parts[1]))
        }
    }

    /// A regression objective by LightGBM's name or alias.
    private static func regressionObjective(_ text: String) throws -> GradientBoostingParameters.RegressionObjective {
        switch text.lowercased() {
        case "regression", "l2", "regression_l2", "mse", "mean_squared_error", "rmse": return .l2
        case "l1", "regression_l1", "mae", "mean_absolute_error": return .l1
        case "huber": return .huber
        default:
            throw CairnError.invalid(
                "Unknown objective '\(text)': use l2, l1 or huber (classification is chosen with --task)")
        }
    }

    private static func int(_ key: String, _ text: String) throws -> Int {
        guard let value = Int(text) else { throw CairnError.invalid("Parameter '\(key)' must be an integer, got '\(text)'") }
        return value
    }

    private static func bool(_ key: String, _ text: String) throws -> Bool {
        switch text.lowercased() {
        case "true", "1", "yes": return true
        case "false", "0", "no": return false
        default: throw CairnError.invalid("Parameter '\(key)' must be true or false, got '\(text)'")
        }
    }

    private static func double(_ key: String, _ text: String) throws -> Double {
        guard let value = Double(text), value.isFinite else {
            throw CairnError.invalid("Parameter '\(key)' must be a number, got '\(text)'")
        }
        return value
    }
}
