/// Path prefixes shared by the server and the remote client.
public enum Routes {
    /// MLflow's tracking and registry RPCs.
    public static let mlflow = "/api/2.0/mlflow"
    /// The same RPCs as the MLflow web UI calls them.
    public static let mlflowAjax = "/ajax-api/2.0/mlflow"
    /// The artifact proxy.
    public static let mlflowArtifacts = "/api/2.0/mlflow-artifacts"
    /// The artifact proxy as the web UI calls it.
    public static let mlflowArtifactsAjax = "/ajax-api/2.0/mlflow-artifacts"
    /// MLflow 3 RPCs (server info).
    public static let mlflowV3 = "/api/3.0/mlflow"
    /// The Open Inference Protocol (KServe V2).
    public static let inferenceV2 = "/v2"
    /// MLflow's scoring endpoint.
    public static let invocations = "/invocations"
    /// Cairn's deployments API.
    public static let deployments = "/api/cairn/v1/deployments"
    /// Cairn's monitors API.
    public static let monitors = "/api/cairn/v1/monitors"
    /// Cairn's alerts API.
    public static let alerts = "/api/cairn/v1/alerts"
    /// MLflow scoring for a deployment: `/deployments/{name}/invocations`.
    public static let deploymentInvocations = "/deployments"
}
