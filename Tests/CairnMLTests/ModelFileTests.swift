import CairnCore
import CairnML
import Foundation
import Testing

struct ModelFileTests {
    @Test func savedModelLoadsBackToIdenticalPredictions() throws {
        // Given a boosted model trained on adult, with categorical features and missing values
        let (train, test) = try TestData.adult()
        var parameters = GradientBoostingParameters()
        parameters.numIterations = 20
        let model = try Trainer.train(train, target: "c14", algorithm: .gradientBoosting(parameters))

        // When it is saved and loaded
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("model-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try ModelFile.save(model, to: path)
        let loaded = try ModelFile.load(from: path)

        // Then it is the same model and predicts exactly the same
        #expect(loaded == model)
        #expect(try loaded.predict(test) == model.predict(test))
    }

    @Test func documentNamesItsFormatVersionAndLearner() throws {
        let table = try Table([Column("x", doubles: [1, 2, 3, 4]), Column("y", doubles: [1, 3, 2, 5])])
        var parameters = GradientBoostingParameters()
        parameters.minDataInLeaf = 1
        let model = try Trainer.train(table, target: "y", algorithm: .gradientBoosting(parameters))
        let json = try JSONSerialization.jsonObject(with: ModelFile.encode(model)) as! [String: Any]
        #expect(json["format"] as? String == "cairn.tabular-model")
        #expect(json["formatVersion"] as? Int == 1)
        #expect(json["estimator"] as? String == "gbdt")
        #expect(json["task"] as? String == "regression")
    }

    @Test func rejectsForeignAndNewerDocuments() {
        let foreign = #expect(throws: CairnError.self) { try ModelFile.decode(Data(#"{"tree": []}"#.utf8)) }
        #expect(foreign?.code == .invalidArgument)
        let newer = #expect(throws: CairnError.self) {
            try ModelFile.decode(Data(#"{"format": "cairn.tabular-model", "formatVersion": 99}"#.utf8))
        }
        #expect(newer?.message.contains("newer") == true)
    }
}
