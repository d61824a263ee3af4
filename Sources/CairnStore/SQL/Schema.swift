import Foundation

/// The numbered schema migrations both databases run, written once in SQLite's types and rendered for PostgreSQL.
///
/// Never edit a shipped migration; add a new one.
package enum Schema {
    /// One numbered migration.
    package struct Migration: Sendable {
        package let id: String
        let statements: [String]

        /// The statements in the dialect's types: in PostgreSQL `INTEGER` is `BIGINT`, `REAL` is `DOUBLE PRECISION`,
        /// and text compares byte-wise (`COLLATE "C"`) as in SQLite, so ordering and `LIKE` agree across backends.
        package func statements(for dialect: SQLDialect) -> [String] {
            guard dialect == .postgres else { return statements }
            return statements.map { statement in
                statement
                    .replacingOccurrences(of: #"\bINTEGER\b"#, with: "BIGINT", options: .regularExpression)
                    .replacingOccurrences(of: #"\bREAL\b"#, with: "DOUBLE PRECISION", options: .regularExpression)
                    .replacingOccurrences(of: #"\bTEXT\b(?!\))"#, with: #"TEXT COLLATE "C""#, options: .regularExpression)
            }
        }
    }

    /// Every table with its primary key, parents before children (the order a copy inserts in).
    package static let tables: [(name: String, key: [String])] = [
        ("experiments", ["experiment_id"]), ("experiment_tags", ["experiment_id", "key"]), ("runs", ["run_id"]),
        ("run_params", ["run_id", "key"]), ("run_tags", ["run_id", "key"]),
        ("metrics", ["run_id", "key", "timestamp", "step", "value", "is_nan"]), ("latest_metrics", ["run_id", "key"]),
        ("run_dataset_inputs", ["run_id", "name", "digest"]), ("run_model_inputs", ["run_id", "model_id"]),
        ("run_model_outputs", ["run_id", "model_id"]), ("logged_models", ["model_id"]), ("logged_model_tags", ["model_id", "key"]),
        ("logged_model_params", ["model_id", "key"]), ("registered_models", ["name"]), ("registered_model_tags", ["name", "key"]),
        ("model_versions", ["name", "version"]), ("model_version_tags", ["name", "version", "key"]),
        ("registered_model_aliases", ["name", "alias"]), ("deployments", ["name"]), ("prediction_log", ["request_id"]),
        ("prediction_labels", ["request_id"]), ("monitors", ["name"]), ("monitor_runs", ["run_id"]), ("alerts", ["alert_id"]),
        ("webhook_deliveries", ["alert_id", "url", "event", "attempt"]),
    ]

    /// Every migration, in order.
    package static let migrations = [
        Migration(id: "001_tracking_and_registry", statements: schemaV1),
        Migration(id: "002_deployments", statements: deploymentsV2),
        Migration(id: "003_prediction_log", statements: predictionLogV3),
        Migration(id: "004_monitors", statements: monitorsV4),
    ]

    static let schemaV1 = [
        """
        CREATE TABLE experiments (
            experiment_id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, artifact_location TEXT NOT NULL,
            lifecycle_stage TEXT NOT NULL, creation_time INTEGER NOT NULL, last_update_time INTEGER NOT NULL)
        """,
        """
        CREATE TABLE experiment_tags (
            experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id) ON DELETE CASCADE,
            key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (experiment_id, key))
        """,
        """
        CREATE TABLE runs (
            run_id TEXT PRIMARY KEY, experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
            name TEXT NOT NULL, user_id TEXT NOT NULL, status TEXT NOT NULL, start_time INTEGER NOT NULL,
            end_time INTEGER, artifact_uri TEXT NOT NULL, lifecycle_stage TEXT NOT NULL)
        """,
        "CREATE INDEX runs_by_experiment ON runs (experiment_id, start_time DESC, run_id)",
        """
        CREATE TABLE run_params (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (run_id, key))
        """,
        """
        CREATE TABLE run_tags (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (run_id, key))
        """,
        """
        CREATE TABLE metrics (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, key TEXT NOT NULL, value REAL NOT NULL,
            is_nan INTEGER NOT NULL, timestamp INTEGER NOT NULL, step INTEGER NOT NULL, dataset_name TEXT,
            dataset_digest TEXT, model_id TEXT, PRIMARY KEY (run_id, key, timestamp, step, value, is_nan))
        """,
        "CREATE INDEX metrics_by_model ON metrics (model_id) WHERE model_id IS NOT NULL",
        """
        CREATE TABLE latest_metrics (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, key TEXT NOT NULL, value REAL NOT NULL,
            is_nan INTEGER NOT NULL, timestamp INTEGER NOT NULL, step INTEGER NOT NULL, dataset_name TEXT,
            dataset_digest TEXT, model_id TEXT, PRIMARY KEY (run_id, key))
        """,
        "CREATE INDEX latest_metrics_by_key ON latest_metrics (key, value)",
        """
        CREATE TABLE run_dataset_inputs (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, name TEXT NOT NULL, digest TEXT NOT NULL,
            source_type TEXT NOT NULL, source TEXT NOT NULL, schema TEXT, profile TEXT, context TEXT,
            tags TEXT NOT NULL, PRIMARY KEY (run_id, name, digest))
        """,
        """
        CREATE TABLE run_model_inputs (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, model_id TEXT NOT NULL,
            PRIMARY KEY (run_id, model_id))
        """,
        """
        CREATE TABLE run_model_outputs (
            run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE, model_id TEXT NOT NULL,
            step INTEGER NOT NULL, PRIMARY KEY (run_id, model_id))
        """,
        """
        CREATE TABLE logged_models (
            model_id TEXT PRIMARY KEY, experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
            name TEXT NOT NULL, creation_timestamp INTEGER NOT NULL, last_updated_timestamp INTEGER NOT NULL,
            artifact_uri TEXT NOT NULL, status TEXT NOT NULL, status_message TEXT, creator_id TEXT, model_type TEXT,
            source_run_id TEXT, deleted INTEGER NOT NULL DEFAULT 0)
        """,
        "CREATE INDEX logged_models_by_experiment ON logged_models (experiment_id, name)",
        """
        CREATE TABLE logged_model_tags (
            model_id TEXT NOT NULL REFERENCES logged_models(model_id) ON DELETE CASCADE, key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (model_id, key))
        """,
        """
        CREATE TABLE logged_model_params (
            model_id TEXT NOT NULL REFERENCES logged_models(model_id) ON DELETE CASCADE, key TEXT NOT NULL,
            value TEXT NOT NULL, PRIMARY KEY (model_id, key))
        """,
        """
        CREATE TABLE registered_models (
            name TEXT PRIMARY KEY, creation_timestamp INTEGER NOT NULL, last_updated_timestamp INTEGER NOT NULL,
            user_id TEXT, description TEXT)
        """,
        """
        CREATE TABLE registered_model_tags (
            name TEXT NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE ON DELETE CASCADE,
            key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (name, key))
        """,
        """
        CREATE TABLE model_versions (
            name TEXT NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE ON DELETE CASCADE,
            version INTEGER NOT NULL, creation_timestamp INTEGER NOT NULL, last_updated_timestamp INTEGER NOT NULL,
            user_id TEXT, current_stage TEXT NOT NULL, description TEXT, source TEXT NOT NULL,
            storage_location TEXT NOT NULL, run_id TEXT, run_link TEXT, model_id TEXT,
            deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (name, version))
        """,
        """
        CREATE TABLE model_version_tags (
            name TEXT NOT NULL, version INTEGER NOT NULL, key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (name, version, key),
            FOREIGN KEY (name, version) REFERENCES model_versions(name, version) ON UPDATE CASCADE ON DELETE CASCADE)
        """,
        """
        CREATE TABLE registered_model_aliases (
            name TEXT NOT NULL REFERENCES registered_models(name) ON UPDATE CASCADE ON DELETE CASCADE,
            alias TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (name, alias))
        """,
    ]

    /// Serving's deployments: the routing spec and the one before it (for rollback) as JSON documents, with a
    /// revision counter for compare-and-swap updates.
    static let deploymentsV2 = [
        """
        CREATE TABLE deployments (
            name TEXT PRIMARY KEY, spec TEXT NOT NULL, previous_spec TEXT, revision INTEGER NOT NULL,
            creation_time INTEGER NOT NULL, last_update_time INTEGER NOT NULL)
        """
    ]

    /// Serving's prediction log (inputs and outputs as JSON objects of arrays) and late ground-truth labels.
    static let predictionLogV3 = [
        """
        CREATE TABLE prediction_log (
            request_id TEXT PRIMARY KEY, deployment TEXT NOT NULL, model TEXT NOT NULL, version TEXT NOT NULL,
            inputs TEXT NOT NULL, outputs TEXT NOT NULL, latency_micros INTEGER NOT NULL, time INTEGER NOT NULL)
        """,
        "CREATE INDEX prediction_log_by_deployment ON prediction_log (deployment, time)",
        """
        CREATE TABLE prediction_labels (
            request_id TEXT PRIMARY KEY REFERENCES prediction_log(request_id) ON DELETE CASCADE, label TEXT NOT NULL,
            time INTEGER NOT NULL)
        """,
    ]

    /// Monitoring: monitors (the spec as a JSON document), their runs (the result as JSON), the scheduler's leases,
    /// alerts (at most one open per monitor) and webhook delivery attempts.
    static let monitorsV4 = [
        """
        CREATE TABLE monitors (
            name TEXT PRIMARY KEY, deployment TEXT NOT NULL, spec TEXT NOT NULL, creation_time INTEGER NOT NULL, next_run INTEGER)
        """,
        """
        CREATE TABLE monitor_runs (
            run_id TEXT PRIMARY KEY, monitor TEXT NOT NULL REFERENCES monitors(name) ON DELETE CASCADE, time INTEGER NOT NULL,
            status TEXT NOT NULL, result TEXT NOT NULL)
        """,
        "CREATE INDEX monitor_runs_by_monitor ON monitor_runs (monitor, time)",
        "CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, expires_at INTEGER NOT NULL)",
        """
        CREATE TABLE alerts (
            alert_id TEXT PRIMARY KEY, monitor TEXT NOT NULL REFERENCES monitors(name) ON DELETE CASCADE, deployment TEXT NOT NULL,
            status TEXT NOT NULL, opened_at INTEGER NOT NULL, opened_by TEXT NOT NULL, resolved_at INTEGER, resolved_by TEXT,
            summary TEXT NOT NULL)
        """,
        "CREATE UNIQUE INDEX alerts_one_open ON alerts (monitor) WHERE status = 'open'",
        "CREATE INDEX alerts_by_time ON alerts (opened_at)",
        """
        CREATE TABLE webhook_deliveries (
            alert_id TEXT NOT NULL REFERENCES alerts(alert_id) ON DELETE CASCADE, url TEXT NOT NULL, event TEXT NOT NULL,
            attempt INTEGER NOT NULL, time INTEGER NOT NULL, status_code INTEGER, error TEXT,
            PRIMARY KEY (alert_id, url, event, attempt))
        """,
    ]
}
