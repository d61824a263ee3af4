extension SearchSchema {
    /// Runs (`runs/search`): metrics, params, tags, run attributes and datasets.
    ///
    /// Metrics take numbers with `= != > >= < <=`; params and tags take quoted strings with `= != LIKE ILIKE`
    /// and `IS [NOT] NULL`; `run_id`, `run_name`, `status`, `user_id` and `artifact_uri` take quoted strings
    /// (a list with IN and NOT IN only for `run_id`); `start_time` and `end_time` take numbers; `datasets.name`,
    /// `datasets.digest` and `datasets.context` take strings or lists. Aliases: `created`/`Created` for
    /// `start_time`, `run name`/`Run name`/`Run Name` for `run_name`. Runs can be ordered by metrics, params,
    /// tags and the run attributes.
    public static let runs = SearchSchema(
        attributes: [
            "run_id": .list(),
            "run_name": .string,
            "status": .string,
            "user_id": .string,
            "artifact_uri": .string,
            "start_time": .numeric,
            "end_time": .numeric,
        ],
        attributeAliases: [
            "created": "start_time", "Created": "start_time",
            "run name": "run_name", "Run name": "run_name", "Run Name": "run_name",
        ],
        entityComparators: [
            .metric: numericComparators,
            .param: nullableStringComparators,
            .tag: nullableStringComparators,
            .dataset: listComparators,
        ],
        datasetKeys: ["name", "digest", "context"],
        orderAttributes: ["artifact_uri", "end_time", "run_id", "run_name", "start_time", "status", "user_id"],
        orderAliases: ["created": "start_time", "Created": "start_time"],
        orderEntities: [.metric, .param, .tag]
    )

    /// Experiments (`experiments/search`): `name` (strings), `experiment_id` (strings or a list with IN and
    /// NOT IN), `creation_time` and `last_update_time` (numbers), and tags (strings, `IS [NOT] NULL`).
    /// Experiments are ordered by attributes only.
    public static let experiments = SearchSchema(
        attributes: [
            "name": .string,
            "experiment_id": .list([.equal, .notEqual, .in, .notIn]),
            "creation_time": .numeric,
            "last_update_time": .numeric,
        ],
        attributeAliases: [:],
        entityComparators: [.tag: nullableStringComparators],
        datasetKeys: [],
        orderAttributes: ["name", "experiment_id", "creation_time", "last_update_time"],
        orderAliases: [:],
        orderEntities: []
    )

    /// Registered models (`registered-models/search`): `name` (strings, or a list with IN and NOT IN) and tags
    /// (strings). Ordered by `name`, `creation_timestamp` or `last_updated_timestamp` (alias `timestamp`).
    public static let registeredModels = SearchSchema(
        attributes: ["name": .list()],
        attributeAliases: [:],
        entityComparators: [.tag: stringComparators],
        datasetKeys: [],
        orderAttributes: ["name", "creation_timestamp", "last_updated_timestamp"],
        orderAliases: ["timestamp": "last_updated_timestamp"],
        orderEntities: []
    )

    /// Model versions (`model-versions/search`): `name` and `run_id` (strings, or a list with IN),
    /// `source_path` (strings), `version_number` (numbers) and tags (strings). Ordered by `name`,
    /// `version_number`, `creation_timestamp` or `last_updated_timestamp`.
    public static let modelVersions = SearchSchema(
        attributes: [
            "name": .list(stringComparators.union([.in])),
            "run_id": .list(stringComparators.union([.in])),
            "source_path": .string,
            "version_number": .numeric,
        ],
        attributeAliases: [:],
        entityComparators: [.tag: stringComparators],
        datasetKeys: [],
        orderAttributes: ["name", "version_number", "creation_timestamp", "last_updated_timestamp"],
        orderAliases: [:],
        orderEntities: []
    )

    /// Logged models (`logged-models/search`): `name`, `model_id`, `model_type`, `status` and `source_run_id`
    /// (strings, or lists with IN and NOT IN), `creation_timestamp` and `last_updated_timestamp` (numbers; aliases
    /// `creation_time` and `last_updated_time`), metrics (numbers), params and tags (strings). Ordered by those
    /// attributes or by a metric.
    public static let loggedModels = SearchSchema(
        attributes: [
            "name": .list(),
            "model_id": .list(),
            "model_type": .list(),
            "status": .list(),
            "source_run_id": .list(),
            "creation_timestamp": .numeric,
            "last_updated_timestamp": .numeric,
        ],
        attributeAliases: loggedModelAliases,
        entityComparators: [
            .metric: numericComparators,
            .param: stringComparators,
            .tag: stringComparators,
        ],
        datasetKeys: [],
        orderAttributes: [
            "name", "model_id", "model_type", "status", "source_run_id", "creation_timestamp",
            "last_updated_timestamp",
        ],
        orderAliases: loggedModelAliases,
        orderEntities: [.metric]
    )

    private static let loggedModelAliases = [
        "creation_time": "creation_timestamp", "last_updated_time": "last_updated_timestamp",
    ]
}
