/// The size limits MLflow's server enforces, which clients depend on.
public enum TrackingLimits {
    public static let maxEntityKeyLength = 250
    public static let maxParamValueLength = 6000
    public static let maxRunTagValueLength = 8000
    public static let maxExperimentNameLength = 500
    public static let maxExperimentTagValueLength = 20000
    public static let maxBatchMetrics = 1000
    public static let maxBatchParams = 100
    public static let maxBatchTags = 100
    public static let maxBatchEntities = 1000
    public static let maxDatasetNameLength = 500
    public static let maxDatasetDigestLength = 36
    public static let maxDatasetSourceLength = 65535
    public static let maxDatasetSchemaLength = 1_048_575
    public static let maxDatasetProfileLength = 16_777_215
    public static let maxInputTagKeyLength = 255
    public static let maxInputTagValueLength = 500
    public static let maxRunSearchResults = 50000
    public static let maxExperimentSearchResults = 50000
    public static let defaultRunSearchResults = 1000
    public static let maxHistoryResults = 25000
}
