/// The write statements both adapters run, in the syntax SQLite and PostgreSQL share (`ON CONFLICT` upserts,
/// `?` placeholders that ``SQLDialect/render(_:)`` numbers for PostgreSQL).
package enum Statements {
    // MARK: Experiments
    package static let insertExperiment = """
        INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
        VALUES (?, ?, ?, 'active', ?, ?)
        """
    package static let insertDefaultExperiment = """
        INSERT INTO experiments (experiment_id, name, artifact_location, lifecycle_stage, creation_time, last_update_time)
        VALUES (0, 'Default', ?, 'active', ?, ?) ON CONFLICT DO NOTHING
        """
    package static let nextExperimentID = "SELECT COALESCE(MAX(experiment_id), 0) + 1 FROM experiments"
    package static let experimentNameTaken = "SELECT COUNT(*) FROM experiments WHERE name = ? AND experiment_id != ?"
    package static let renameExperiment = "UPDATE experiments SET name = ?, last_update_time = ? WHERE experiment_id = ?"
    package static let setExperimentStage = "UPDATE experiments SET lifecycle_stage = ?, last_update_time = ? WHERE experiment_id = ?"
    package static let setExperimentRunsStage = "UPDATE runs SET lifecycle_stage = ? WHERE experiment_id = ?"
    package static let upsertExperimentTag = """
        INSERT INTO experiment_tags (experiment_id, key, value) VALUES (?, ?, ?)
        ON CONFLICT (experiment_id, key) DO UPDATE SET value = excluded.value
        """
    package static let deleteExperimentTag = "DELETE FROM experiment_tags WHERE experiment_id = ? AND key = ?"

    // MARK: Runs
    package static let insertRun = """
        INSERT INTO runs (run_id, experiment_id, name, user_id, status, start_time, end_time, artifact_uri, lifecycle_stage)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    package static let runStage = "SELECT lifecycle_stage FROM runs WHERE run_id = ?"
    package static let setRunStatus = "UPDATE runs SET status = ? WHERE run_id = ?"
    package static let setRunEndTime = "UPDATE runs SET end_time = ? WHERE run_id = ?"
    package static let setRunName = "UPDATE runs SET name = ? WHERE run_id = ?"
    package static let setRunStage = "UPDATE runs SET lifecycle_stage = ? WHERE run_id = ?"
    package static let upsertRunTag = """
        INSERT INTO run_tags (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value
        """
    package static let deleteRunTag = "DELETE FROM run_tags WHERE run_id = ? AND key = ?"
    /// Inserts a param unless the key is logged; the caller then compares the stored value (params never change).
    package static let insertParam = "INSERT INTO run_params (run_id, key, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
    package static let paramValue = "SELECT value FROM run_params WHERE run_id = ? AND key = ?"
    package static let insertMetric = """
        INSERT INTO metrics (run_id, key, value, is_nan, timestamp, step, dataset_name, dataset_digest, model_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    /// Raises a key's latest value only when the new one is later (greater step, then timestamp, then value).
    package static let upsertLatestMetric = """
        INSERT INTO latest_metrics (run_id, key, value, is_nan, timestamp, step, dataset_name, dataset_digest, model_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (run_id, key) DO UPDATE SET value = excluded.value, is_nan = excluded.is_nan,
            timestamp = excluded.timestamp, step = excluded.step, dataset_name = excluded.dataset_name,
            dataset_digest = excluded.dataset_digest, model_id = excluded.model_id
        WHERE (excluded.step, excluded.timestamp, excluded.value) > (latest_metrics.step, latest_metrics.timestamp, latest_metrics.value)
        """
    package static let insertDatasetInput = """
        INSERT INTO run_dataset_inputs (run_id, name, digest, source_type, source, schema, profile, context, tags)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
        """
    package static let insertModelInput = "INSERT INTO run_model_inputs (run_id, model_id) VALUES (?, ?) ON CONFLICT DO NOTHING"
    package static let upsertModelOutput = """
        INSERT INTO run_model_outputs (run_id, model_id, step) VALUES (?, ?, ?)
        ON CONFLICT (run_id, model_id) DO UPDATE SET step = excluded.step
        """
    package static let metricHistory = """
        SELECT * FROM metrics WHERE run_id = ? AND key = ? ORDER BY timestamp, step, value LIMIT ? OFFSET ?
        """

    // MARK: Logged models
    package static let insertLoggedModel = """
        INSERT INTO logged_models (model_id, experiment_id, name, creation_timestamp, last_updated_timestamp,
            artifact_uri, status, status_message, creator_id, model_type, source_run_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    package static let upsertLoggedModelTag = """
        INSERT INTO logged_model_tags (model_id, key, value) VALUES (?, ?, ?)
        ON CONFLICT (model_id, key) DO UPDATE SET value = excluded.value
        """
    package static let insertLoggedModelParam = """
        INSERT INTO logged_model_params (model_id, key, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING
        """
    package static let setLoggedModelStatus = "UPDATE logged_models SET status = ?, last_updated_timestamp = ? WHERE model_id = ?"
    package static let touchLoggedModel = "UPDATE logged_models SET last_updated_timestamp = ? WHERE model_id = ?"
    package static let deleteLoggedModelTag = "DELETE FROM logged_model_tags WHERE model_id = ? AND key = ?"
    package static let deleteLoggedModel = "UPDATE logged_models SET deleted = 1, last_updated_timestamp = ? WHERE model_id = ?"
    package static let loggedModelMetrics = "SELECT * FROM metrics WHERE model_id = ?"

    // MARK: Registered models
    package static let registeredModelExists = "SELECT COUNT(*) FROM registered_models WHERE name = ?"
    package static let insertRegisteredModel = """
        INSERT INTO registered_models (name, creation_timestamp, last_updated_timestamp, user_id, description)
        VALUES (?, ?, ?, ?, ?)
        """
    package static let upsertRegisteredModelTag = """
        INSERT INTO registered_model_tags (name, key, value) VALUES (?, ?, ?) ON CONFLICT (name, key) DO UPDATE SET value = excluded.value
        """
    package static let renameRegisteredModel = "UPDATE registered_models SET name = ?, last_updated_timestamp = ? WHERE name = ?"
    package static let updateRegisteredModel = "UPDATE registered_models SET description = ?, last_updated_timestamp = ? WHERE name = ?"
    package static let touchRegisteredModel = "UPDATE registered_models SET last_updated_timestamp = ? WHERE name = ?"
    package static let deleteRegisteredModel = "DELETE FROM registered_models WHERE name = ?"
    package static let deleteRegisteredModelTag = "DELETE FROM registered_model_tags WHERE name = ? AND key = ?"
    package static let upsertAlias = """
        INSERT INTO registered_model_aliases (name, alias, version) VALUES (?, ?, ?)
        ON CONFLICT (name, alias) DO UPDATE SET version = excluded.version
        """
    package static let deleteAlias = "DELETE FROM registered_model_aliases WHERE name = ? AND alias = ?"
    package static let aliasesOfModel = "SELECT alias, version FROM registered_model_aliases WHERE name = ? ORDER BY alias"
    /// The latest version per stage of one model.
    package static let latestVersionsCondition = """
        mv.name = ? AND mv.deleted = 0 AND mv.version = (SELECT MAX(o.version) FROM model_versions o
            WHERE o.name = mv.name AND o.current_stage = mv.current_stage AND o.deleted = 0)
        """

    // MARK: Model versions
    /// Locks a registered model's row until the transaction ends (PostgreSQL; SQLite's writes are serialized anyway).
    package static let lockRegisteredModel = "SELECT name FROM registered_models WHERE name = ? FOR UPDATE"
    package static let nextVersion = "SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = ?"
    package static let insertModelVersion = """
        INSERT INTO model_versions (name, version, creation_timestamp, last_updated_timestamp, user_id, current_stage,
            description, source, storage_location, run_id, run_link, model_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    package static let upsertModelVersionTag = """
        INSERT INTO model_version_tags (name, version, key, value) VALUES (?, ?, ?, ?)
        ON CONFLICT (name, version, key) DO UPDATE SET value = excluded.value
        """
    package static let deleteModelVersionTag = "DELETE FROM model_version_tags WHERE name = ? AND version = ? AND key = ?"
    package static let updateModelVersion = """
        UPDATE model_versions SET description = ?, last_updated_timestamp = ? WHERE name = ? AND version = ?
        """
    package static let deleteModelVersion = """
        UPDATE model_versions SET deleted = 1, last_updated_timestamp = ? WHERE name = ? AND version = ?
        """
    package static let deleteAliasesOfVersion = "DELETE FROM registered_model_aliases WHERE name = ? AND version = ?"
    package static let archiveStage = """
        UPDATE model_versions SET current_stage = 'Archived', last_updated_timestamp = ?
        WHERE name = ? AND version != ? AND current_stage = ? AND deleted = 0
        """
    package static let setStage = """
        UPDATE model_versions SET current_stage = ?, last_updated_timestamp = ? WHERE name = ? AND version = ?
        """
    package static let versionByAliasCondition = """
        mv.name = ? AND mv.deleted = 0 AND mv.version = (SELECT a.version FROM registered_model_aliases a
            WHERE a.name = mv.name AND a.alias = ?)
        """

    // MARK: Reads
    package static let selectExperiments = "SELECT e.* FROM experiments e"
    package static let selectRuns = "SELECT r.* FROM runs r"
    package static let selectLoggedModels = "SELECT m.* FROM logged_models m"
    package static let selectRegisteredModels = "SELECT rm.* FROM registered_models rm"
    package static let selectModelVersions = "SELECT mv.* FROM model_versions mv"

    /// Ids are loaded in chunks of this size so one statement never binds too many values.
    package static let chunkSize = 500

    /// `id, key, value` rows of a key-value child table (tags, params) for some parents, sorted by key.
    package static func keyValues(table: String, idColumn: String, ids: [SQLValue]) -> SQLFragment {
        let list = SQLFragment.list(ids)
        return SQLFragment("SELECT \(idColumn) AS id, key, value FROM \(table) WHERE \(idColumn) IN \(list.sql) ORDER BY key", list.arguments)
    }

    /// The queries of the tags (`name, version, key, value`) and aliases (`name, version, alias`) of the model
    /// versions in `rows`, each sorted, in chunks of at most ``chunkSize`` bound values.
    package static func versionChildren(of rows: [SQLRow]) -> [(tags: SQLFragment, aliases: SQLFragment)] {
        let keys = rows.map { [SQLValue.text($0.text("name") ?? ""), .integer($0.integer("version") ?? 0)] }
        return stride(from: 0, to: keys.count, by: chunkSize / 2).map { start in
            versionChildren(Array(keys[start..<min(start + chunkSize / 2, keys.count)]))
        }
    }

    private static func versionChildren(_ keys: [[SQLValue]]) -> (tags: SQLFragment, aliases: SQLFragment) {
        let pairs = Array(repeating: "(?, ?)", count: keys.count).joined(separator: ", ")
        let arguments = keys.flatMap { $0 }
        return (
            SQLFragment(
                "SELECT name, version, key, value FROM model_version_tags WHERE (name, version) IN (\(pairs)) ORDER BY key", arguments),
            SQLFragment(
                "SELECT name, version, alias FROM registered_model_aliases WHERE (name, version) IN (\(pairs)) ORDER BY alias",
                arguments)
        )
    }

    /// Every row of a run's child table (metrics, inputs, outputs) for some runs.
    package static func runChildren(table: String, runIDs: [SQLValue]) -> SQLFragment {
        let list = SQLFragment.list(runIDs)
        return SQLFragment("SELECT * FROM \(table) WHERE run_id IN \(list.sql)", list.arguments)
    }

    /// An `INSERT … VALUES (?, …) …` statement with its value group repeated for `rows` rows.
    package static func repeatingValues(_ sql: String, rows: Int) -> String {
        guard rows > 1, let values = sql.range(of: "VALUES ("), let close = sql[values.upperBound...].firstIndex(of: ")") else { return sql }
        let open = sql.index(before: values.upperBound)
        let group = String(sql[open...close])
        return String(sql[..<open]) + Array(repeating: group, count: rows).joined(separator: ", ") + String(sql[sql.index(after: close)...])
    }

    /// `SELECT *` of a page of one of ``Schema/tables``, in primary-key order, for copying.
    package static func page(of table: String, offset: Int, limit: Int) -> SQLFragment {
        let key = Schema.tables.first { $0.name == table }?.key ?? []
        return SQLFragment(
            "SELECT * FROM \(table) ORDER BY \(key.joined(separator: ", ")) LIMIT ? OFFSET ?",
            [.integer(Int64(limit)), .integer(Int64(offset))])
    }

    /// `INSERT INTO table (columns…) VALUES (?, …)` for copying rows as they are.
    package static func insert(into table: String, columns: [String]) -> String {
        "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
    }

    /// `SELECT COUNT(*)` of a table.
    package static func count(of table: String) -> String { "SELECT COUNT(*) FROM \(table)" }
}
