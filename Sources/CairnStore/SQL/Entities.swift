/// Where each searchable entity's columns, tags, params and metrics live: one description both adapters search with.
package enum Entities {
    /// Experiments (`e`).
    package static let experiment = SearchSQL.EntitySQL(
        attributes: [
            "name": "e.name", "experiment_id": "CAST(e.experiment_id AS TEXT)", "creation_time": "e.creation_time",
            "last_update_time": "e.last_update_time",
        ],
        numericAttributes: ["creation_time", "last_update_time"],
        tags: ("experiment_tags", "x.experiment_id = e.experiment_id"),
        orderAttributes: ["experiment_id": "e.experiment_id"])

    /// Logged models (`m`); their metrics are the run metrics that name them.
    package static let loggedModel = SearchSQL.EntitySQL(
        attributes: [
            "name": "m.name", "model_id": "m.model_id", "model_type": "m.model_type", "status": "m.status",
            "source_run_id": "m.source_run_id", "creation_timestamp": "m.creation_timestamp",
            "last_updated_timestamp": "m.last_updated_timestamp", "experiment_id": "CAST(m.experiment_id AS TEXT)",
        ],
        numericAttributes: ["creation_timestamp", "last_updated_timestamp"],
        tags: ("logged_model_tags", "x.model_id = m.model_id"),
        params: ("logged_model_params", "x.model_id = m.model_id"),
        metrics: ("(SELECT model_id, key, value, is_nan FROM metrics)", "x.model_id = m.model_id"))

    /// Runs (`r`), with latest metric values kept at write time.
    package static let run = SearchSQL.EntitySQL(
        attributes: [
            "run_id": "r.run_id", "run_name": "r.name", "status": "r.status", "user_id": "r.user_id",
            "artifact_uri": "r.artifact_uri", "start_time": "r.start_time", "end_time": "r.end_time",
        ],
        numericAttributes: ["start_time", "end_time"],
        tags: ("run_tags", "x.run_id = r.run_id"),
        params: ("run_params", "x.run_id = r.run_id"),
        metrics: ("latest_metrics", "x.run_id = r.run_id"),
        datasets: ("run_dataset_inputs", "x.run_id = r.run_id"))

    /// Model versions (`mv`).
    package static let modelVersion = SearchSQL.EntitySQL(
        attributes: [
            "name": "mv.name", "run_id": "mv.run_id", "source_path": "mv.source", "version_number": "mv.version",
            "creation_timestamp": "mv.creation_timestamp", "last_updated_timestamp": "mv.last_updated_timestamp",
        ],
        numericAttributes: ["version_number", "creation_timestamp", "last_updated_timestamp"],
        tags: ("model_version_tags", "x.name = mv.name AND x.version = mv.version"),
        notEqualMatchesMissing: true)

    /// Registered models (`rm`).
    package static let registeredModel = SearchSQL.EntitySQL(
        attributes: [
            "name": "rm.name", "creation_timestamp": "rm.creation_timestamp",
            "last_updated_timestamp": "rm.last_updated_timestamp",
        ],
        numericAttributes: ["creation_timestamp", "last_updated_timestamp"],
        tags: ("registered_model_tags", "x.name = rm.name"),
        notEqualMatchesMissing: true)
}
