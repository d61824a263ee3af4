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
}
