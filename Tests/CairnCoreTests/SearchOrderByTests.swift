import CairnCore
import Testing

/// An order_by element and the key it should parse to.
struct OrderCase: Sendable, CustomTestStringConvertible {
    var text: String
    var expected: SearchOrder

    init(_ text: String, _ entity: SearchEntity, _ key: String, ascending: Bool) {
        self.text = text
        self.expected = SearchOrder(entity: entity, key: key, ascending: ascending)
    }

    var testDescription: String { text }
}

struct SearchOrderByTests {
    static let acceptedOrders: [OrderCase] = [
        OrderCase("metrics.rmse", .metric, "rmse", ascending: true),
        OrderCase("metrics.rmse DESC", .metric, "rmse", ascending: false),
        OrderCase("metrics.rmse desc", .metric, "rmse", ascending: false),
        OrderCase("params.lr ASC", .param, "lr", ascending: true),
        OrderCase("params.lr asc", .param, "lr", ascending: true),
        OrderCase("tags.mlflow.runName DESC", .tag, "mlflow.runName", ascending: false),
        OrderCase("attributes.start_time DESC", .attribute, "start_time", ascending: false),
        OrderCase("start_time", .attribute, "start_time", ascending: true),
        OrderCase("name", .attribute, "name", ascending: true),
        OrderCase("timestamp DESC", .attribute, "timestamp", ascending: false),
        OrderCase("metrics.`my metric` DESC", .metric, "my metric", ascending: false),
        OrderCase("metrics.\"f1 score\"", .metric, "f1 score", ascending: true),
        OrderCase("  run_name   desc  ", .attribute, "run_name", ascending: false),
    ]

    @Test(arguments: acceptedOrders)
    func parseOrderByAcceptsKeyAndOptionalDirection(_ testCase: OrderCase) throws {
        // When
        let order = try SearchGrammar.parseOrderBy(testCase.text)

        // Then
        #expect(order == testCase.expected)
    }

    static let rejectedOrders: [RejectionCase] = [
        RejectionCase("", "Invalid order_by clause ''. Could not be parsed."),
        RejectionCase("   ", "Invalid order_by clause '   '. Could not be parsed."),
        RejectionCase("metrics.a DESC extra", "Invalid order_by clause 'metrics.a DESC extra'. Could not be parsed."),
        RejectionCase("metrics.a, metrics.b", "Invalid order_by clause 'metrics.a, metrics.b'. Could not be parsed."),
        RejectionCase("metrics.a sideways", "Invalid ordering key in order_by clause 'metrics.a sideways'."),
        RejectionCase("metrics.a 1", "Invalid order_by clause 'metrics.a 1'. Could not be parsed."),
        RejectionCase("'name'", "Invalid order_by clause ''name''. Could not be parsed."),
        RejectionCase("metrics.`a DESC", "Invalid order_by clause 'metrics.`a DESC'. Could not be parsed."),
        RejectionCase("foo.a", "Invalid entity type 'foo'."),
    ]

    @Test(arguments: rejectedOrders)
    func parseOrderByRejectsMalformedClauses(_ testCase: RejectionCase) {
        // When
        let error = #expect(throws: CairnError.self) { try SearchGrammar.parseOrderBy(testCase.text) }

        // Then
        #expect(error?.code == .invalidArgument)
        #expect(error?.message.hasPrefix(testCase.messagePrefix) == true, "\(error?.message ?? "no error")")
    }
}
