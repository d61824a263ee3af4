/// What MLflow's `pyfunc` wrapper returns from `predict` for a model, which is what `mlflow models serve` answers on
/// `/invocations`.
public enum PyfuncPrediction: Sendable, Equatable {
    /// One predicted label per row for a classifier (scikit-learn-style models, Cairn's own), the number for a
    /// regressor.
    case labels
    /// What a native XGBoost or LightGBM `Booster.predict` returns: for a binary classifier the probability of the
    /// second class per row, for a multiclass classifier one list of class probabilities per row, for a regressor
    /// the number.
    case boosterOutput
}
