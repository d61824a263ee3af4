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

    /// Fits on all rows and returns the cross-fitted training encoding too: each row encoded by the encoder fitted
    /// on the folds that do not hold it out.
    /// - Parameters:
    ///   - targets: per output, the target of each row (class indicators, 0/1 labels or numbers).
    ///   - folds: the cross-fitting folds; their held-out rows partition the frame's rows.
    static func fitTransform(
        _ frame: FeatureFrame, targets: [[Double]], classNames: [String], smoothing: Double?, folds: [DataSplit.Fold]
    ) -> (TargetEncoder, FeatureFrame) {
        let full = TargetEncoder(fitting: frame, rows: Array(0..<frame.rowCount), targets: targets, classNames: classNames, smoothing: smoothing)
        let inner = folds.map { TargetEncoder(fitting: frame, rows: $0.train, targets: targets, classNames: classNames, smoothing: smoothing) }
        var heldOutBy = [Int](repeating: 0, count: frame.rowCount)
        for (f, fold) in folds.enumerated() { for row in fold.test { heldOutBy[row] = f } }
        return (full, full.transform(frame, encoders: inner, encoderOfRow: heldOutBy))
    }

    /// Fits on the given rows of `frame`.
    private init(fitting frame: FeatureFrame, rows: [Int], targets: [[Double]], classNames: [String], smoothing: Double?) {
        self.smoothing = smoothing
        self.classNames = classNames
        let means = targets.map { y in ColumnStatistics.mean(rows.map { y[$0] }) }
        targetMeans = means
        encodings = zip(frame.columns, frame.categories).map { column, categories in
            categories.map { names in
                zip(targets, means).map { y, mean in Self.encode(column, rows, names.count, y, mean, smoothing) }
            }
        }
    }

    /// The encoding of each of `count` categories for one output, fitted on `rows`.
    private static func encode(
        _ codes: [Double], _ rows: [Int], _ count: Int, _ y: [Double], _ mean: Double, _ smoothing: Double?
    ) -> [Double] {
        var sums = [Double](repeating: 0, count: count)
        var counts = [Double](repeating: 0, count: count)
        for row in rows where !codes[row].isNaN {
            sums[Int(codes[row])] += y[row]
            counts[Int(codes[row])] += 1
        }
        if let s = smoothing {
            return (0..<count).map { c in counts[c] + s == 0 ? mean : (sums[c] + s * mean) / (counts[c] + s) }
        }
        let variance = rows.reduce(0) { $0 + (y[$1] - mean) * (y[$1] - mean) } / Double(rows.count)
        let categoryMeans = (0..<count).map { sums[$0] / counts[$0] }
        var squares = [Double](repeating: 0, count: count)
        for row in rows where !codes[row].isNaN {
            let diff = y[row] - categoryMeans[Int(codes[row])]
            squares[Int(codes[row])] += diff * diff
        }
        return (0..<count).map { c in
            let lambda = variance * counts[c] / (variance * counts[c] + squares[c] / counts[c])
            return lambda.isNaN ? mean : lambda * categoryMeans[c] + (1 - lambda) * mean
        }
    }

    func transform(_ frame: FeatureFrame) -> FeatureFrame {
        transform(frame, encoders: [self], encoderOfRow: [Int](repeating: 0, count: frame.rowCount))
    }

    /// The frame's categorical columns replaced by each row's encoding by `encoders[encoderOfRow[row]]`, the
    /// columns named after this encoder's.
    private func transform(_ frame: FeatureFrame, encoders: [TargetEncoder], encoderOfRow: [Int]) -> FeatureFrame {
        var names: [String] = []
        var columns: [[Double]] = []
        var origins: [Int] = []
        for j in frame.columns.indices {
            guard let perOutput = encodings[j] else {
                names.append(frame.names[j])
                columns.append(frame.columns[j])
                origins.append(frame.origins[j])
                continue
            }
            for k in perOutput.indices {
                origins.append(frame.origins[j])
                names.append(classNames.isEmpty ? frame.names[j] : "\(frame.names[j])_\(classNames[k])")
                let tables = encoders.map { $0.encodings[j]![k] }
                let means = encoders.map { $0.targetMeans[k] }
                columns.append(zip(frame.columns[j], encoderOfRow).map { code, e in
                    code.isNaN || Int(code) >= tables[e].count ? means[e] : tables[e][Int(code)]
                })
            }
        }
        return FeatureFrame(names: names, columns: columns, categories: names.map { _ in nil }, rowCount: frame.rowCount, origins: origins)
    }
}
