import CairnCore

extension CairnError.Code {
    /// A prediction did not finish within its deadline.
    public static let timedOut = CairnError.Code("timed_out")
}
