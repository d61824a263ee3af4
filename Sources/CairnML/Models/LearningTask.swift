/// What a model predicts.
public enum LearningTask: String, Sendable, Codable, CaseIterable {
    /// Two classes; the model gives the probability of the second.
    case binary
    /// Three or more classes; the model gives one probability per class.
    case multiclass
    /// A number.
    case regression
}
