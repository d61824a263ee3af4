import CairnCore
import Testing

/// A kind of search, naming its schema in test descriptions.
enum SchemaKind: String, Sendable {
    case runs, experiments, registeredModels, modelVersions, loggedModels

    var schema: SearchSchema {
        switch self {
        case .runs: .runs
        case .experiments: .experiments
        case .registeredModels: .registeredModels
        case .modelVersions: .modelVersions
        case .loggedModels: .loggedModels
        }
    }
}

/// A filter or order_by text checked against one schema: what it should become, or how it should be rejected.
struct SchemaCase: Sendable, CustomTestStringConvertible {
    var kind: SchemaKind
    var text: String
    var expected: [SearchClause] = []
    var expectedOrder: SearchOrder?
    var messagePrefix = ""

    static func accepts(_ kind: SchemaKind, _ text: String, _ expected: SearchClause...) -> SchemaCase {
        SchemaCase(kind: kind, text: text, expected: expected)
    }

    static func orders(_ kind: SchemaKind, _ text: String, _ entity: SearchEntity, _ key: String, ascending: Bool = true)
        -> SchemaCase
    {
        SchemaCase(kind: kind, text: text, expectedOrder: SearchOrder(entity: entity, key: key, ascending: ascending))
    }

    static func rejects(_ kind: SchemaKind, _ text: String, _ messagePrefix: String) -> SchemaCase {
        SchemaCase(kind: kind, text: text, messagePrefix: messagePrefix)
    }

    var testDescription: String { "\(kind.rawValue): \(text)" }
}

struct SearchSchemaTests {
    static let acceptedFilters: [SchemaCase] = [
        .accepts(.runs, "metrics.rmse < 1 and params.model = 'tree'",
            clause(.metric, "rmse", .less, .number(1)), clause(.param, "model", .equal, .string("tree"))),
        .accepts(.runs, "tags.mlflow.parentRunId = 'abc'", clause(.tag, "mlflow.parentRunId", .equal, .string("abc"))),
        .accepts(.runs, "attributes.run_id IN ('a','b')", clause(.attribute, "run_id", .in, .list(["a", "b"]))),
        .accepts(.runs, "run_id NOT IN ('a')", clause(.attribute, "run_id", .notIn, .list(["a"]))),
        .accepts(.runs, "run_name LIKE '%x%'", clause(.attribute, "run_name", .like, .string("%x%"))),
        .accepts(.runs, "metrics.\"f1 score\" >= -1.5e-3", clause(.metric, "f1 score", .greaterOrEqual, .number(-0.0015))),
        .accepts(.runs, "created > 5", clause(.attribute, "start_time", .greater, .number(5))),
        .accepts(.runs, "attributes.Created <= 5", clause(.attribute, "start_time", .lessOrEqual, .number(5))),
        .accepts(.runs, "`Run name` = 'x'", clause(.attribute, "run_name", .equal, .string("x"))),
        .accepts(.runs, "\"run name\" ILIKE 'x'", clause(.attribute, "run_name", .ilike, .string("x"))),
        .accepts(.runs, "`Run Name` != 'x'", clause(.attribute, "run_name", .notEqual, .string("x"))),
        .accepts(.runs, "status = 'FINISHED'", clause(.attribute, "status", .equal, .string("FINISHED"))),
        .accepts(.runs, "user_id != 'bob'", clause(.attribute, "user_id", .notEqual, .string("bob"))),
        .accepts(.runs, "artifact_uri LIKE 's3://%'", clause(.attribute, "artifact_uri", .like, .string("s3://%"))),
        .accepts(.runs, "end_time != 0", clause(.attribute, "end_time", .notEqual, .number(0))),
        .accepts(.runs, "params.a IS NULL", clause(.param, "a", .isNull, .none)),
        .accepts(.runs, "tags.a IS NOT NULL", clause(.tag, "a", .isNotNull, .none)),
        .accepts(.runs, "params.a ILIKE '%X%'", clause(.param, "a", .ilike, .string("%X%"))),
        .accepts(.runs, "datasets.name IN ('d1', 'd2')", clause(.dataset, "name", .in, .list(["d1", "d2"]))),
        .accepts(.runs, "datasets.digest = 'abc'", clause(.dataset, "digest", .equal, .string("abc"))),
        .accepts(.runs, "dataset.context LIKE 'train%'", clause(.dataset, "context", .like, .string("train%"))),
        .accepts(.experiments, "name = 'exp'", clause(.attribute, "name", .equal, .string("exp"))),
        .accepts(.experiments, "name ILIKE '%exp%'", clause(.attribute, "name", .ilike, .string("%exp%"))),
        .accepts(.experiments, "experiment_id IN ('1', '2')", clause(.attribute, "experiment_id", .in, .list(["1", "2"]))),
        .accepts(.experiments, "creation_time > 100", clause(.attribute, "creation_time", .greater, .number(100))),
        .accepts(.experiments, "last_update_time <= 100", clause(.attribute, "last_update_time", .lessOrEqual, .number(100))),
        .accepts(.experiments, "tags.team = 'ml'", clause(.tag, "team", .equal, .string("ml"))),
        .accepts(.experiments, "tags.team IS NULL", clause(.tag, "team", .isNull, .none)),
        .accepts(.registeredModels, "name = 'model'", clause(.attribute, "name", .equal, .string("model"))),
        .accepts(.registeredModels, "name IN ('a', 'b')", clause(.attribute, "name", .in, .list(["a", "b"]))),
        .accepts(.registeredModels, "name NOT IN ('a')", clause(.attribute, "name", .notIn, .list(["a"]))),
        .accepts(.registeredModels, "tags.`mlflow.prompt.is_prompt` != 'true'",
            clause(.tag, "mlflow.prompt.is_prompt", .notEqual, .string("true"))),
        .accepts(.modelVersions, "name = 'm' AND version_number > 2",
            clause(.attribute, "name", .equal, .string("m")), clause(.attribute, "version_number", .greater, .number(2))),
        .accepts(.modelVersions, "run_id IN ('r1')", clause(.attribute, "run_id", .in, .list(["r1"]))),
        .accepts(.modelVersions, "name IN ('a', 'b')", clause(.attribute, "name", .in, .list(["a", "b"]))),
        .accepts(.modelVersions, "source_path LIKE 'runs:/%'", clause(.attribute, "source_path", .like, .string("runs:/%"))),
        .accepts(.modelVersions, "tags.stage = 'prod'", clause(.tag, "stage", .equal, .string("prod"))),
        .accepts(.loggedModels, "name = 'm' AND metrics.acc > 0.9 AND params.lr = '0.1' AND tags.t LIKE 'x%'",
            clause(.attribute, "name", .equal, .string("m")), clause(.metric, "acc", .greater, .number(0.9)),
            clause(.param, "lr", .equal, .string("0.1")), clause(.tag, "t", .like, .string("x%"))),
        .accepts(.loggedModels, "model_id IN ('m-1')", clause(.attribute, "model_id", .in, .list(["m-1"]))),
        .accepts(.loggedModels, "status != 'READY'", clause(.attribute, "status", .notEqual, .string("READY"))),
        .accepts(.loggedModels, "source_run_id = 'r'", clause(.attribute, "source_run_id", .equal, .string("r"))),
        .accepts(.loggedModels, "model_type = 'agent'", clause(.attribute, "model_type", .equal, .string("agent"))),
        .accepts(.loggedModels, "creation_time > 1", clause(.attribute, "creation_timestamp", .greater, .number(1))),
        .accepts(.loggedModels, "last_updated_time < 1", clause(.attribute, "last_updated_timestamp", .less, .number(1))),
        .accepts(.loggedModels, "creation_timestamp >= 1", clause(.attribute, "creation_timestamp", .greaterOrEqual, .number(1))),
    ]

    @Test(arguments: acceptedFilters)
    func validateAcceptsSupportedClausesAndResolvesAliases(_ testCase: SchemaCase) throws {
        // Given
        let clauses = try SearchGrammar.parseFilter(testCase.text)

        // When
        let validated = try testCase.kind.schema.validate(clauses)

        // Then
        #expect(validated == testCase.expected)
    }

    static let rejectedFilters: [SchemaCase] = [
        .rejects(.runs, "metrics.a = '1'", "Expected numeric value type for metric. Found '1'"),
        .rejects(.runs, "metrics.a LIKE 'x'", "Expected numeric value type for metric. Found 'x'"),
        .rejects(.runs, "metrics.a IS NULL", "Invalid comparator 'IS NULL' not one of '{'!=', '<', '<=', '=', '>', '>='}'"),
        .rejects(.runs, "params.a = 1", "Expected a quoted string value for parameter (e.g. 'my-value'). Got value 1"),
        .rejects(.runs, "tags.a = 1.5", "Expected a quoted string value for tag (e.g. 'my-value'). Got value 1.5"),
        .rejects(.runs, "params.a > 'x'", "Invalid comparator '>' not one of '{'!=', '=', 'ILIKE', 'IS NOT NULL', 'IS NULL', 'LIKE'}'"),
        .rejects(.runs, "params.a IN ('x')", "Expected a quoted string value for parameter"),
        .rejects(.runs, "lifecycle_stage = 'active'", "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{"),
        .rejects(.runs, "experiment_id = '1'", "Invalid attribute key 'experiment_id' specified."),
        .rejects(.runs, "status IN ('A')", "Only the 'run_id' attribute supports comparison with a list of quoted string values."),
        .rejects(.runs, "status > 'A'", "Invalid comparator '>' not one of '{'!=', '=', 'ILIKE', 'LIKE'}'"),
        .rejects(.runs, "status IS NULL", "Invalid comparator 'IS NULL'"),
        .rejects(.runs, "run_id = 5", "Expected a quoted string value for attributes. Got value 5"),
        .rejects(.runs, "start_time = 'x'", "Expected numeric value type for numeric attribute: start_time. Found 'x'"),
        .rejects(.runs, "created LIKE '1%'", "Expected numeric value type for numeric attribute: created. Found '1%'"),
        .rejects(.runs, "end_time IN ('1')", "Expected numeric value type for numeric attribute: end_time."),
        .rejects(.runs, "datasets.foo = 'x'", "Invalid dataset key 'foo' specified. Valid keys are '{'context', 'digest', 'name'}'"),
        .rejects(.runs, "datasets.name = 1", "Expected a quoted string value for dataset attributes. Got value 1"),
        .rejects(.runs, "datasets.name > 'x'", "Invalid comparator '>'"),
        .rejects(.experiments, "metrics.a > 1", "Invalid entity type 'metric'. Valid entity types are ('attribute', 'tag')"),
        .rejects(.experiments, "params.a = 'x'", "Invalid entity type 'parameter'."),
        .rejects(.experiments, "lifecycle_stage = 'active'", "Invalid attribute key 'lifecycle_stage' specified."),
        .rejects(.experiments, "name IN ('a')", "Only the 'experiment_id' attribute supports comparison"),
        .rejects(.experiments, "creation_time = 'x'", "Expected numeric value type for numeric attribute: creation_time."),
        .rejects(.experiments, "experiment_id LIKE '1%'", "Invalid comparator 'LIKE'"),
        .rejects(.registeredModels, "tags.a IS NULL", "Invalid comparator 'IS NULL'"),
        .rejects(.registeredModels, "metrics.a > 1", "Invalid entity type 'metric'."),
        .rejects(.registeredModels, "creation_timestamp > 1", "Invalid attribute key 'creation_timestamp' specified. Valid keys are '{'name'}'"),
        .rejects(.registeredModels, "name > 'a'", "Invalid comparator '>'"),
        .rejects(.modelVersions, "version_number = 'x'", "Expected numeric value type for numeric attribute: version_number."),
        .rejects(.modelVersions, "source_path IN ('a')", "Only the 'name', 'run_id' attributes support comparison"),
        .rejects(.modelVersions, "name NOT IN ('a')", "Invalid comparator 'NOT IN'"),
        .rejects(.modelVersions, "version = 1", "Invalid attribute key 'version' specified."),
        .rejects(.modelVersions, "params.a = 'x'", "Invalid entity type 'parameter'."),
        .rejects(.loggedModels, "datasets.name = 'x'", "Invalid entity type 'dataset'."),
        .rejects(.loggedModels, "metrics.acc = 'x'", "Expected numeric value type for metric."),
        .rejects(.loggedModels, "experiment_id = '1'", "Invalid attribute key 'experiment_id' specified."),
        .rejects(.loggedModels, "creation_time = 'x'", "Expected numeric value type for numeric attribute: creation_time."),
    ]

    @Test(arguments: rejectedFilters)
    func validateRejectsClausesTheKindDoesNotSupport(_ testCase: SchemaCase) throws {
        // Given
        let clauses = try SearchGrammar.parseFilter(testCase.text)

        // When
        let error = #expect(throws: CairnError.self) { try testCase.kind.schema.validate(clauses) }

        // Then
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix(testCase.messagePrefix) == true, "\(error?.message ?? "no error")")
    }

    static let acceptedOrders: [SchemaCase] = [
        .orders(.runs, "metrics.rmse DESC", .metric, "rmse", ascending: false),
        .orders(.runs, "params.lr", .param, "lr"),
        .orders(.runs, "tags.t", .tag, "t"),
        .orders(.runs, "created DESC", .attribute, "start_time", ascending: false),
        .orders(.runs, "attributes.run_name", .attribute, "run_name"),
        .orders(.runs, "artifact_uri", .attribute, "artifact_uri"),
        .orders(.runs, "end_time", .attribute, "end_time"),
        .orders(.runs, "run_id", .attribute, "run_id"),
        .orders(.runs, "status", .attribute, "status"),
        .orders(.runs, "user_id", .attribute, "user_id"),
        .orders(.experiments, "name", .attribute, "name"),
        .orders(.experiments, "experiment_id DESC", .attribute, "experiment_id", ascending: false),
        .orders(.experiments, "creation_time", .attribute, "creation_time"),
        .orders(.experiments, "last_update_time", .attribute, "last_update_time"),
        .orders(.registeredModels, "timestamp DESC", .attribute, "last_updated_timestamp", ascending: false),
        .orders(.registeredModels, "name", .attribute, "name"),
        .orders(.registeredModels, "creation_timestamp", .attribute, "creation_timestamp"),
        .orders(.modelVersions, "version_number DESC", .attribute, "version_number", ascending: false),
        .orders(.modelVersions, "last_updated_timestamp", .attribute, "last_updated_timestamp"),
        .orders(.loggedModels, "creation_time", .attribute, "creation_timestamp"),
        .orders(.loggedModels, "metrics.acc DESC", .metric, "acc", ascending: false),
    ]

    @Test(arguments: acceptedOrders)
    func validateOrderAcceptsOrderableKeysAndResolvesAliases(_ testCase: SchemaCase) throws {
        // Given
        let order = try SearchGrammar.parseOrderBy(testCase.text)

        // When
        let validated = try testCase.kind.schema.validate(order)

        // Then
        #expect(validated == testCase.expectedOrder)
    }

    static let rejectedOrders: [SchemaCase] = [
        .rejects(.runs, "datasets.name", "Invalid order_by entity: dataset"),
        .rejects(.runs, "lifecycle_stage", "Invalid attribute key 'lifecycle_stage' specified. Valid keys are '{"),
        .rejects(.runs, "`Run name`", "Invalid attribute key 'Run name' specified."),
        .rejects(.experiments, "tags.t", "Invalid order_by entity: tag"),
        .rejects(.experiments, "metrics.m", "Invalid order_by entity: metric"),
        .rejects(.registeredModels, "version_number", "Invalid attribute key 'version_number' specified."),
        .rejects(.modelVersions, "timestamp", "Invalid attribute key 'timestamp' specified."),
        .rejects(.loggedModels, "params.p", "Invalid order_by entity: parameter"),
    ]

    @Test(arguments: rejectedOrders)
    func validateOrderRejectsKeysTheKindCannotOrderBy(_ testCase: SchemaCase) throws {
        // Given
        let order = try SearchGrammar.parseOrderBy(testCase.text)

        // When
        let error = #expect(throws: CairnError.self) { try testCase.kind.schema.validate(order) }

        // Then
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix(testCase.messagePrefix) == true, "\(error?.message ?? "no error")")
    }

    @Test(arguments: [
        clause(.attribute, "run_id", .equal, .list(["a"])),
        clause(.attribute, "run_id", .in, .string("a")),
        clause(.tag, "t", .isNull, .string("a")),
        clause(.tag, "t", .equal, .none),
    ])
    func validateRejectsHandBuiltClausesWhoseValueDoesNotFitTheComparator(_ built: SearchClause) {
        let error = #expect(throws: CairnError.self) { try SearchSchema.runs.validate([built]) }
        #expect(error?.message.hasPrefix("Invalid comparison clause.") == true, "\(error?.message ?? "no error")")
    }

    @Test func validateKeepsClauseOrder() throws {
        // Given
        let clauses = try SearchGrammar.parseFilter("tags.b = 'y' AND created > 1 AND metrics.a < 2")

        // When
        let validated = try SearchSchema.runs.validate(clauses)

        // Then
        #expect(validated.map(\.key) == ["b", "start_time", "a"])
    }
}
