import CairnCore
import CairnRegistry
import CairnStore
import CairnTracking

/// Reads entities with their children in a fixed number of queries, whatever the number of rows.
enum PostgresLoaders {
    static func experiments(
        _ session: PostgresSession, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [Experiment] {
        let rows = try await session.rows(
            .select(Statements.selectExperiments, where: condition, orderBy: orderBy, limit: limit, offset: offset))
        let ids = rows.compactMap { $0.integer("experiment_id") }.map(SQLValue.integer)
        let tags = try await keyValues(session, table: "experiment_tags", idColumn: "experiment_id", ids: ids)
        return rows.map { RowMapping.experiment($0, tags: tags[$0.text("experiment_id") ?? ""] ?? []) }
    }

    static func runs(
        _ session: PostgresSession, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [Run] {
        let rows = try await session.rows(.select(Statements.selectRuns, where: condition, orderBy: orderBy, limit: limit, offset: offset))
        guard !rows.isEmpty else { return [] }
        let ids = rows.compactMap { $0.text("run_id") }.map(SQLValue.text)
        let params = try await keyValues(session, table: "run_params", idColumn: "run_id", ids: ids)
        let tags = try await keyValues(session, table: "run_tags", idColumn: "run_id", ids: ids)
        let metrics = try await runChildren(session, table: "latest_metrics", ids: ids).mapValues { $0.map(RowMapping.metric) }
        let datasets = try await runChildren(session, table: "run_dataset_inputs", ids: ids).mapValues { $0.map(RowMapping.datasetInput) }
        let inputs = try await runChildren(session, table: "run_model_inputs", ids: ids).mapValues { $0.compactMap { $0.text("model_id") } }
        let outputs = try await runChildren(session, table: "run_model_outputs", ids: ids).mapValues { $0.map(RowMapping.modelOutput) }
        return rows.map { row in
            let id = row.text("run_id") ?? ""
            return Run(
                info: RowMapping.runInfo(row), metrics: metrics[id] ?? [], params: params[id] ?? [], tags: tags[id] ?? [],
                datasetInputs: datasets[id] ?? [], modelInputs: inputs[id] ?? [], modelOutputs: outputs[id] ?? [])
        }
    }

    static func loggedModels(
        _ session: PostgresSession, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [LoggedModel] {
        let rows = try await session.rows(
            .select(Statements.selectLoggedModels, where: condition, orderBy: orderBy, limit: limit, offset: offset))
        let ids = rows.compactMap { $0.text("model_id") }
        let tags = try await keyValues(session, table: "logged_model_tags", idColumn: "model_id", ids: ids.map(SQLValue.text))
        let params = try await keyValues(session, table: "logged_model_params", idColumn: "model_id", ids: ids.map(SQLValue.text))
        var metrics: [String: [Metric]] = [:]
        for id in ids {
            metrics[id] = try await session.rows(Statements.loggedModelMetrics, [.text(id)]).map(RowMapping.metric)
        }
        return rows.map { row in
            let id = row.text("model_id") ?? ""
            return RowMapping.loggedModel(row, tags: tags[id] ?? [], params: params[id] ?? [], metrics: metrics[id] ?? [])
        }
    }

    static func modelVersions(
        _ session: PostgresSession, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [ModelVersion] {
        let rows = try await session.rows(
            .select(Statements.selectModelVersions, where: condition, orderBy: orderBy, limit: limit, offset: offset))
        var versions: [ModelVersion] = []
        for row in rows {
            let key: [SQLValue] = [.text(row.text("name") ?? ""), .integer(row.integer("version") ?? 0)]
            let tags = try await session.rows(Statements.versionTags, key).map {
                KeyValue(key: $0.text("key") ?? "", value: $0.text("value") ?? "")
            }
            let aliases = try await session.rows(Statements.versionAliases, key).compactMap { $0.text("alias") }
            versions.append(RowMapping.modelVersion(row, tags: tags, aliases: aliases))
        }
        return versions
    }

    static func registeredModels(
        _ session: PostgresSession, where condition: SQLFragment, orderBy: SQLFragment? = nil, limit: Int? = nil, offset: Int = 0
    ) async throws -> [RegisteredModel] {
        let rows = try await session.rows(
            .select(Statements.selectRegisteredModels, where: condition, orderBy: orderBy, limit: limit, offset: offset))
        let names = rows.compactMap { $0.text("name") }
        let tags = try await keyValues(session, table: "registered_model_tags", idColumn: "name", ids: names.map(SQLValue.text))
        var models: [RegisteredModel] = []
        for row in rows {
            let name = row.text("name") ?? ""
            let aliases = try await session.rows(Statements.aliasesOfModel, [.text(name)]).map {
                ModelAlias(alias: $0.text("alias") ?? "", version: Int($0.integer("version") ?? 0))
            }
            let latest = try await modelVersions(
                session, where: SQLFragment(Statements.latestVersionsCondition, [.text(name)]), orderBy: SQLFragment("mv.version ASC"))
            models.append(RowMapping.registeredModel(row, latestVersions: latest, tags: tags[name] ?? [], aliases: aliases))
        }
        return models
    }

    /// Key-value children (tags, params) per parent id, each list sorted by key.
    static func keyValues(_ session: PostgresSession, table: String, idColumn: String, ids: [SQLValue]) async throws -> [String: [KeyValue]] {
        var result: [String: [KeyValue]] = [:]
        for start in stride(from: 0, to: ids.count, by: Statements.chunkSize) {
            let chunk = Array(ids[start..<min(start + Statements.chunkSize, ids.count)])
            for row in try await session.rows(Statements.keyValues(table: table, idColumn: idColumn, ids: chunk)) {
                result[row.text("id") ?? "", default: []].append(KeyValue(key: row.text("key") ?? "", value: row.text("value") ?? ""))
            }
        }
        return result
    }

    /// Rows of a run child table grouped by `run_id`.
    static func runChildren(_ session: PostgresSession, table: String, ids: [SQLValue]) async throws -> [String: [SQLRow]] {
        var result: [String: [SQLRow]] = [:]
        for start in stride(from: 0, to: ids.count, by: Statements.chunkSize) {
            let chunk = Array(ids[start..<min(start + Statements.chunkSize, ids.count)])
            for row in try await session.rows(Statements.runChildren(table: table, runIDs: chunk)) {
                result[row.text("run_id") ?? "", default: []].append(row)
            }
        }
        return result
    }
}
