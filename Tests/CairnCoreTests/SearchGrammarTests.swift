import CairnCore
import Testing

struct SearchGrammarTests {
    static let acceptedFilters: [FilterCase] = [
        // Real MLflow filters.
        FilterCase(
            "metrics.rmse < 1 and params.model = 'tree'",
            clause(.metric, "rmse", .less, .number(1)), clause(.param, "model", .equal, .string("tree"))),
        FilterCase(
            "tags.`mlflow.prompt.is_prompt` != 'true'",
            clause(.tag, "mlflow.prompt.is_prompt", .notEqual, .string("true"))),
        FilterCase("attributes.run_id IN ('a','b')", clause(.attribute, "run_id", .in, .list(["a", "b"]))),
        FilterCase("name = 'model'", clause(.attribute, "name", .equal, .string("model"))),
        FilterCase("tags.mlflow.parentRunId = 'abc'", clause(.tag, "mlflow.parentRunId", .equal, .string("abc"))),
        FilterCase("run_name LIKE '%x%'", clause(.attribute, "run_name", .like, .string("%x%"))),
        FilterCase("metrics.\"f1 score\" >= -1.5e-3", clause(.metric, "f1 score", .greaterOrEqual, .number(-1.5e-3))),
        // Entity aliases.
        FilterCase("metric.a = 1", clause(.metric, "a", .equal, .number(1))),
        FilterCase("parameter.a = 'x'", clause(.param, "a", .equal, .string("x"))),
        FilterCase("parameters.a = 'x'", clause(.param, "a", .equal, .string("x"))),
        FilterCase("param.a = 'x'", clause(.param, "a", .equal, .string("x"))),
        FilterCase("tag.a = 'x'", clause(.tag, "a", .equal, .string("x"))),
        FilterCase("attribute.status = 'x'", clause(.attribute, "status", .equal, .string("x"))),
        FilterCase("attr.status = 'x'", clause(.attribute, "status", .equal, .string("x"))),
        FilterCase("run.status = 'x'", clause(.attribute, "status", .equal, .string("x"))),
        FilterCase("dataset.name = 'x'", clause(.dataset, "name", .equal, .string("x"))),
        FilterCase("datasets.digest IN ('d1')", clause(.dataset, "digest", .in, .list(["d1"]))),
        FilterCase("`params`.a = 'x'", clause(.param, "a", .equal, .string("x"))),
        // Quoted keys.
        FilterCase("metrics.`my metric` > 0", clause(.metric, "my metric", .greater, .number(0))),
        FilterCase("params.\"a b\" = 'x'", clause(.param, "a b", .equal, .string("x"))),
        FilterCase("params.\"a.b\" = 'x'", clause(.param, "a.b", .equal, .string("x"))),
        FilterCase("`Run name` = 'x'", clause(.attribute, "Run name", .equal, .string("x"))),
        FilterCase("\"run name\" = 'x'", clause(.attribute, "run name", .equal, .string("x"))),
        // Comparators, with and without spaces.
        FilterCase("metrics.a=1", clause(.metric, "a", .equal, .number(1))),
        FilterCase("metrics.a!=1", clause(.metric, "a", .notEqual, .number(1))),
        FilterCase("metrics.a>1", clause(.metric, "a", .greater, .number(1))),
        FilterCase("metrics.a>=1", clause(.metric, "a", .greaterOrEqual, .number(1))),
        FilterCase("metrics.a<1", clause(.metric, "a", .less, .number(1))),
        FilterCase("metrics.a<=-1", clause(.metric, "a", .lessOrEqual, .number(-1))),
        FilterCase("params.a ILIKE 'x%'", clause(.param, "a", .ilike, .string("x%"))),
        FilterCase("params.a like 'x_'", clause(.param, "a", .like, .string("x_"))),
        FilterCase("run_id not in ('a', 'b')", clause(.attribute, "run_id", .notIn, .list(["a", "b"]))),
        FilterCase("run_id NOT IN ('a')", clause(.attribute, "run_id", .notIn, .list(["a"]))),
        FilterCase("tags.a IS NULL", clause(.tag, "a", .isNull, .none)),
        FilterCase("tags.a is not null", clause(.tag, "a", .isNotNull, .none)),
        // Values.
        FilterCase("params.a = \"x\"", clause(.param, "a", .equal, .string("x"))),
        FilterCase("params.a = \"it's\"", clause(.param, "a", .equal, .string("it's"))),
        FilterCase("params.a = 'say \"hi\"'", clause(.param, "a", .equal, .string("say \"hi\""))),
        FilterCase("params.a = 'it''s'", clause(.param, "a", .equal, .string("it's"))),
        FilterCase("params.a = ''", clause(.param, "a", .equal, .string(""))),
        FilterCase("params.a = 'a AND b'", clause(.param, "a", .equal, .string("a AND b"))),
        FilterCase("metrics.a = 2.5", clause(.metric, "a", .equal, .number(2.5))),
        FilterCase("metrics.a = .5", clause(.metric, "a", .equal, .number(0.5))),
        FilterCase("metrics.a = 1e-3", clause(.metric, "a", .equal, .number(0.001))),
        FilterCase("metrics.a = 1E3", clause(.metric, "a", .equal, .number(1000))),
        FilterCase("attributes.start_time > 1700000000000", clause(.attribute, "start_time", .greater, .number(1_700_000_000_000))),
        FilterCase("run_id IN (\"a\", 'b',)", clause(.attribute, "run_id", .in, .list(["a", "b"]))),
        // Conjunctions.
        FilterCase(
            "metrics.a > 1 AND params.b = 'x' and tags.c != 'y' AnD status = 'FINISHED'",
            clause(.metric, "a", .greater, .number(1)), clause(.param, "b", .equal, .string("x")),
            clause(.tag, "c", .notEqual, .string("y")), clause(.attribute, "status", .equal, .string("FINISHED"))),
        FilterCase(
            "  metrics.a>1\n\tAND\n params.b='x'  ",
            clause(.metric, "a", .greater, .number(1)), clause(.param, "b", .equal, .string("x"))),
    ]

    @Test(arguments: acceptedFilters)
    func parseFilterAcceptsMLflowForms(_ testCase: FilterCase) throws {
        // When
        let clauses = try SearchGrammar.parseFilter(testCase.filter)

        // Then
        #expect(clauses == testCase.expected)
    }

    @Test(arguments: [nil, "", "   ", "\n\t"] as [String?])
    func parseFilterReturnsNoClausesForAnEmptyFilter(_ filter: String?) throws {
        #expect(try SearchGrammar.parseFilter(filter) == [])
    }

    static let rejectedFilters: [RejectionCase] = [
        RejectionCase("metrics.a > 1 OR metrics.b > 1", "Invalid clause(s) in filter string: 'OR metrics.b > 1'"),
        RejectionCase("(metrics.a > 1)", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a > 1 AND (params.b = 'x')", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a > 1 AND", "Invalid clause(s) in filter string: 'AND'"),
        RejectionCase("AND metrics.a > 1", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a > 1 metrics.b > 1", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a > 1 AND AND metrics.b > 1", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a >", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a <> 1", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a == 1", "Invalid clause(s) in filter string"),
        RejectionCase("metrics.a ! 1", "Invalid clause(s) in filter string"),
        RejectionCase("params.a NOT LIKE 'x'", "Invalid clause(s) in filter string"),
        RejectionCase("tags.a IS 'x'", "Invalid clause(s) in filter string"),
        RejectionCase("tags.a IS NOT", "Invalid clause(s) in filter string"),
        RejectionCase("run_id IN 'a'", "Invalid clause(s) in filter string"),
        RejectionCase("run_id = ('a')", "Invalid clause(s) in filter string"),
        RejectionCase("params.a = 'x", "Invalid clause(s) in filter string: unterminated quote"),
        RejectionCase("params.`a = 'x'", "Invalid clause(s) in filter string: unterminated quote"),
        RejectionCase("params.a = \"x", "Invalid clause(s) in filter string: unterminated quote"),
        RejectionCase("params.a = 'x' ;", "Invalid clause(s) in filter string: unexpected character ';'"),
        RejectionCase(
            "params.a = x",
            "Parameter value is either not quoted or unidentified quote types used for string value x. "
                + "Use either single or double quotes."),
        RejectionCase("params.a = `x`", "Parameter value is either not quoted or unidentified quote types"),
        RejectionCase("metrics.a = abc", "Expected numeric value type for metric. Found abc"),
        RejectionCase(
            "foo.a = 'x'",
            "Invalid entity type 'foo'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']"),
        RejectionCase("Metrics.a = 1", "Invalid entity type 'Metrics'."),
        RejectionCase("metrics. = 1", "Invalid identifier 'metrics.'."),
        RejectionCase(
            "run_id IN ()",
            "While parsing a list in the query, expected a non-empty list of string values, but got empty list"),
        RejectionCase(
            "run_id IN ('a', 1)",
            "While parsing a list in the query, expected string value, punctuation, or whitespace, "
                + "but got different type in list: ('a', 1)"),
        RejectionCase("run_id IN ('a' 'b')", "While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list."),
        RejectionCase("run_id IN ('a',", "While parsing a list in the query, expected a non-empty list of string values, but got ill-formed list."),
    ]

    @Test(arguments: rejectedFilters)
    func parseFilterRejectsTextOutsideTheGrammar(_ testCase: RejectionCase) {
        // When
        let error = #expect(throws: CairnError.self) { try SearchGrammar.parseFilter(testCase.text) }

        // Then
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix(testCase.messagePrefix) == true, "\(error?.message ?? "no error")")
    }

    @Test func parseFilterKeepsNonASCIIKeysAndValues() throws {
        // When
        let clauses = try SearchGrammar.parseFilter("params.größe = 'groß' AND tags.`ключ тег` = 'значение'")

        // Then
        #expect(
            clauses == [
                clause(.param, "größe", .equal, .string("groß")),
                clause(.tag, "ключ тег", .equal, .string("значение")),
            ])
    }

    @Test func parseFilterLeavesAttributeAliasesForTheSchema() throws {
        // Given a filter using MLflow's `created` alias
        let clauses = try SearchGrammar.parseFilter("created > 5")

        // Then the key is as written; SearchSchema resolves it
        #expect(clauses == [clause(.attribute, "created", .greater, .number(5))])
    }
}
