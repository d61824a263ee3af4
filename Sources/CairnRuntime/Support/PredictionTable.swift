import CairnML

/// Builds the ``Table`` every runtime predictor returns, in the shape ``Predictor`` documents.
enum PredictionTable {
    /// A classifier's output: the label and one probability column per class.
    /// - Parameters:
    ///   - classes: the class names, in index order.
    ///   - labels: the predicted class index of each row.
    ///   - probabilities: `labels.count × classes.count` probabilities, row after row.
    static func classification(classes: [String], labels: [Int32], probabilities: [Double]) -> Table {
        let width = classes.count
        var columns = [Column(name: PredictionColumns.label, values: .categorical(codes: labels, levels: classes))]
        for (index, name) in classes.enumerated() {
            let values = (0..<labels.count).map { probabilities[$0 * width + index] }
            columns.append(Column(PredictionColumns.probability(of: name), doubles: values))
        }
        // Class names are unique and every column has one value per row, so the table is valid.
        return try! Table(columns)
    }

    /// A regressor's output: one prediction per row.
    static func regression(_ predictions: [Double]) -> Table {
        try! Table([Column(PredictionColumns.prediction, doubles: predictions)])
    }

    /// The index of the first largest value of `values[range]`, relative to the range's start.
    static func argmax<T: Comparable>(_ values: ArraySlice<T>) -> Int32 {
        var best = values.startIndex
        for index in values.indices where values[index] > values[best] { best = index }
        return Int32(best - values.startIndex)
    }
}
