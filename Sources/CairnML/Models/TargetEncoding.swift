import CairnCore

/// The fitted mapping between a target column and what learners train on: class indices or numbers.
public struct TargetEncoding: Sendable, Codable, Equatable {
    /// The task this target defines.
    public let task: LearningTask
    /// The class names in index order (sorted as text, or numerically for integer labels); empty for regression.
    public let classes: [String]

    /// An encoding with the given task and classes (empty for regression).
    public init(task: LearningTask, classes: [String]) {
        self.task = task
        self.classes = classes
    }

    /// Fits the encoding to a target column.
    /// - Parameters:
    ///   - column: the target values.
    ///   - task: the task; when `nil`, categories and booleans mean classification (binary for two classes) and
    ///     numbers mean regression, except integers with only two distinct values, which mean binary.
    /// - Throws: `invalid_argument` when the target has missing values, is constant, or (for classification) has
    ///   fewer than two classes or is not categorical, boolean or integer.
    public static func fit(_ column: Column, task: LearningTask? = nil) throws -> TargetEncoding {
        guard column.missingCount == 0 else {
            throw CairnError.invalid("target '\(column.name)' has \(column.missingCount) missing values")
        }
        let classes = distinctClasses(column)
        let task = task ?? inferTask(column, classes)
        if task == .regression {
            guard !column.isCategorical else { throw CairnError.invalid("target '\(column.name)' is not numeric") }
            let values = column.doubles()
            guard values.allSatisfy(\.isFinite) else { throw CairnError.invalid("target '\(column.name)' has non-finite values") }
            guard values.contains(where: { $0 != values[0] }) else { throw CairnError.invalid("target '\(column.name)' is constant") }
            return TargetEncoding(task: .regression, classes: [])
        }
        guard let classes else {
            throw CairnError.invalid("target '\(column.name)' has non-integer numbers and cannot be classes")
        }
        guard classes.count >= 2 else { throw CairnError.invalid("target '\(column.name)' has a single class") }
        guard task == .multiclass || classes.count == 2 else {
            throw CairnError.invalid("a binary target needs two classes; '\(column.name)' has \(classes.count)")
        }
        return TargetEncoding(task: task, classes: classes)
    }

    /// The class index of each row.
    /// - Throws: `invalid_argument` for a missing value or a class not seen when fitting.
    public func classIndices(_ column: Column) throws -> [Int] {
        let index = Dictionary(uniqueKeysWithValues: classes.enumerated().map { ($1, $0) })
        return try column.strings().map { value in
            guard let value, let k = index[value] else {
                throw CairnError.invalid("target '\(column.name)' has a value outside the classes \(classes)")
            }
            return k
        }
    }

    /// The training values: class indices as numbers for classification, the numbers for regression.
    /// - Throws: `invalid_argument` as ``classIndices(_:)``, or for missing or non-finite regression targets.
    public func values(_ column: Column) throws -> [Double] {
        if task != .regression { return try classIndices(column).map(Double.init) }
        let values = column.doubles()
        guard !column.isCategorical, values.allSatisfy(\.isFinite) else {
            throw CairnError.invalid("target '\(column.name)' must be finite numbers")
        }
        return values
    }

    private static func distinctClasses(_ column: Column) -> [String]? {
        switch column.values {
        case .categorical(_, let levels): levels.sorted()
        case .bool: ["false", "true"]
        case .int(let v): Set(v.compactMap { $0 }).sorted().map(String.init)
        case .double: nil
        }
    }

    private static func inferTask(_ column: Column, _ classes: [String]?) -> LearningTask {
        switch column.values {
        case .double: .regression
        case .int: classes?.count == 2 ? .binary : .regression
        case .bool, .categorical: classes?.count == 2 ? .binary : .multiclass
        }
    }
}
