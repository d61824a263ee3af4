import CairnCore

/// Checks shared by the metric functions, so a metric never returns a silent `NaN`.
enum MetricInput {
    /// - Throws: `invalid_argument` when the arrays are empty or differ in length.
    static func checkPaired(_ a: Int, _ b: Int) throws {
        guard a > 0 else { throw CairnError.invalid("a metric needs at least one row") }
        guard a == b else { throw CairnError.invalid("a metric got \(a) labels but \(b) predictions") }
    }

    /// - Throws: `invalid_argument` when a value is `NaN` or infinite.
    static func checkFinite(_ values: [Double], _ what: String) throws {
        guard values.allSatisfy(\.isFinite) else { throw CairnError.invalid("\(what) contain NaN or infinite values") }
    }

    /// - Throws: `invalid_argument` when a binary label is not 0 or 1.
    static func checkBinary(_ labels: [Int]) throws {
        guard labels.allSatisfy({ $0 == 0 || $0 == 1 }) else {
            throw CairnError.invalid("binary labels must be 0 or 1")
        }
    }
}
