import ArgumentParser
import CairnML

/// How every data-reading command reads a data file: CSV, or JSON Lines when the name ends in `.jsonl` or
/// `.ndjson` (either may be gzip-compressed).
struct DataOptions: ParsableArguments {
    @Flag(help: "The file has no header line; columns are named c0, c1, ….")
    var noHeader = false

    @Option(help: "Field separator, one character (default ,).")
    var delimiter: String = ","

    @Option(help: "Comma-separated texts that mean a missing value, replacing the defaults (for example '?,NA').")
    var naValues: String?

    @Flag(help: "Keep spaces after delimiters (they are dropped by default).")
    var keepLeadingSpaces = false

    @Flag(help: "Drop one trailing '.' from text values (as in the adult test labels '>50K.').")
    var stripTrailingPeriod = false

    /// The reader options these flags describe.
    func csvOptions() throws -> CSVOptions {
        guard delimiter.count == 1, let character = delimiter.first else {
            throw ValidationError("--delimiter must be one character, got '\(delimiter)'.")
        }
        var options = CSVOptions(
            hasHeader: !noHeader, delimiter: character, trimLeadingSpaces: !keepLeadingSpaces,
            stripTrailingPeriod: stripTrailingPeriod)
        if let naValues {
            options.naValues = Set(naValues.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        }
        return options
    }

    /// Reads a file with these options.
    func read(_ path: String) throws -> Table {
        let name = path.hasSuffix(".gz") ? String(path.dropLast(3)) : path
        if name.hasSuffix(".jsonl") || name.hasSuffix(".ndjson") { return try JSONLinesReader.read(path: path) }
        return try CSVReader.read(path: path, options: csvOptions())
    }
}
