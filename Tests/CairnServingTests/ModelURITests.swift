import CairnCore
import CairnServing
import Testing

struct ModelURITests {
    @Test(arguments: [
        ("models:/churn/3", ModelURI.registered(name: "churn", selector: .version("3"))),
        ("models:/churn@champion", .registered(name: "churn", selector: .alias("champion"))),
        ("models:/churn/Production", .registered(name: "churn", selector: .stage("Production"))),
        ("models:/m-0123", .loggedModel(id: "m-0123")),
        ("runs:/abc/model", .run(id: "abc", path: "model")),
        ("runs:/abc", .run(id: "abc", path: "")),
        ("model/dir", .path("model/dir")),
    ])
    func parsesEveryForm(text: String, expected: ModelURI) throws {
        #expect(try ModelURI(parsing: text) == expected)
        #expect(expected.description == text)
    }

    @Test(arguments: ["models:/", "models:/churn", "models:/churn/", "runs:/"])
    func rejectsMalformedURIs(text: String) {
        #expect(throws: CairnError.self) { try ModelURI(parsing: text) }
    }

    @Test func defaultNameIsTheRegisteredNameOrTheFileStem() throws {
        #expect(try ModelURI(parsing: "models:/churn@champion").defaultName == "churn")
        #expect(try ModelURI(parsing: "/tmp/x/iris.cairn").defaultName == "iris")
    }
}
