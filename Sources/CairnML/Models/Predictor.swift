/// Anything that turns a batch of rows into predictions: Cairn's own models and the runtime's imported ones.
///
/// Prediction is batch-first: it takes a ``Table`` and returns a ``Table`` of named outputs, one row per input
/// row. A classifier returns ``PredictionColumns/label`` (categories named by ``classes``) and one
/// ``PredictionColumns/probability(of:)`` column per class, in class order; a regressor returns
/// ``PredictionColumns/prediction``.
public protocol Predictor: Sendable {
    /// What the predictor predicts.
    var task: LearningTask { get }
    /// The input columns it reads, in order; other columns of the input are ignored.
    var featureNames: [String] { get }
    /// The class names in index order; empty for a regressor.
    var classes: [String] { get }

    /// Predicts every row of `table`.
    /// - Throws: `not_found` when an input column is absent; `invalid_argument` when one has the wrong kind.
    func predict(_ table: Table) throws -> Table
}

/// The names of the columns a ``Predictor`` returns.
public enum PredictionColumns {
    /// The predicted class of a classifier.
    public static let label = "label"
    /// The predicted number of a regressor.
    public static let prediction = "prediction"
    /// The probability of one class.
    public static func probability(of className: String) -> String { "probability(\(className))" }
}
