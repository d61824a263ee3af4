/// Replaces each categorical column by the smoothed mean of the target per category, like scikit-learn's
/// `TargetEncoder`: one column for binary and regression targets, one per class (one-vs-rest, named
/// `feature_class`) for multiclass ones. Missing and unseen categories get the training target mean.
///
/// With `smoothing` `s` the encoding is `(Σ y + s·ȳ) / (n + s)`; with `nil` ("auto") it is `λ·ȳ_c + (1 − λ)·ȳ`,
/// `λ = n·σ² / (n·σ² + Σ(y − ȳ_c)²/n)`. During training, each row is encoded by a model fitted on the other folds
/// (cross fitting, scikit-learn's unshuffled `KFold`/`StratifiedKFold`), so a learner does not see its own label;
/// prediction uses the encodings fitted on all rows.
public struct TargetEncoder: Sendable, Codable, Equatable, FittedTransformer {
    /// The smoothing, or `nil` for the empirical-Bayes "auto".
    public let smoothing: Double?
    /// The class names that suffix output columns of a multiclass target; empty for one output.
    public let classNames: [String]
    /// Per output, the training target mean.
    public let targetMeans: [Double]
    /// Per input column, per output, the encoding of each category code; `nil` for a numeric column.
    public let encodings: [[[Double]]?]

    /// Fits on all rows and returns the cross-fitted training encoding too.
    /// - Parameters:
    ///   - targets: per output, the target of each row (class indicators, 0/1 labels or numbers).
    ///   - folds: the cross-fitting folds.
    static func fitTransform(
        _ frame: FeatureFrame, targets: [[Double]], classNames: [String], smoothing: Double?, folds: [DataSplit.Fold]
    ) -> (TargetEncoder, FeatureFrame) {
        let full = TargetEncoder(fitting: frame, targets: targets, classNames: classNames, smoothing: smoothing)
        var crossFitted = full.transform(frame)
        for fold in folds {
            let inner = TargetEncoder(
                fitting: frame.selecting(rows: fold.train), targets: targets.map { y in fold.train.map { y[$0] } },
                classNames: classNames, smoothing: smoothing)
            let held = inner.transform(frame.selecting(rows: fold.test))
            for j in crossFitted.columns.indices { for (i, row) in fold.test.enumerated() { crossFitted.columns[j][row] = held.columns[j][i] } }
        }
        return (full, crossFitted)
    }

    private init(fitting frame: FeatureFrame, targets: [[Double]], classNames: [String], smoothing: Double?) {
        self.smoothing = smoothing
        self.classNames = classNames
        let means = targets.map(ColumnStatistics.mean)
        targetMeans = means
        encodings = zip(frame.columns, frame.categories).map { column, categories in
            categories.map { names in
                zip(targets, means).map { y, mean in Self.encode(column, names.count, y, mean, smoothing) }
            }
        }
    }

    /// The encoding of each of `count` categories for one output.
    private static func encode(_ codes: [Double], _ count: Int, _ y: [Double], _ mean: Double, _ smoothing: Double?) -> [Double] {
        var sums = [Double](repeating: 0, count: count)
        var counts = [Double](repeating: 0, count: count)
        for (code, target) in zip(codes, y) where !code.isNaN {
            sums[Int(code)] += target
            counts[Int(code)] += 1
        }
        if let s = smoothing {
            return (0..<count).map { c in counts[c] + s == 0 ? mean : (sums[c] + s * mean) / (counts[c] + s) }
        }
        let variance = y.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(y.count)
        let categoryMeans = (0..<count).map { sums[$0] / counts[$0] }
        var squares = [Double](repeating: 0, count: count)
        for (code, target) in zip(codes, y) where !code.isNaN {
            let diff = target - categoryMeans[Int(code)]
            squares[Int(code)] += diff * diff
        }
        return (0..<count).map { c in
            let lambda = variance * counts[c] / (variance * counts[c] + squares[c] / counts[c])
            return lambda.isNaN ? mean : lambda * categoryMeans[c] + (1 - lambda) * mean
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        var names: [String] = []
        var columns: [[Double]] = []
        for j in frame.columns.indices {
            guard let perOutput = encodings[j] else {
                names.append(frame.names[j])
                columns.append(frame.columns[j])
                continue
            }
            for (k, encoding) in perOutput.enumerated() {
                names.append(classNames.isEmpty ? frame.names[j] : "\(frame.names[j])_\(classNames[k])")
                columns.append(frame.columns[j].map { $0.isNaN || Int($0) >= encoding.count ? targetMeans[k] : encoding[Int($0)] })
            }
        }
        return FeatureFrame(names: names, columns: columns, categories: names.map { _ in nil }, rowCount: frame.rowCount)
    }
}
