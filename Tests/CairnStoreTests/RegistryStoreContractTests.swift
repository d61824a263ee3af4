import CairnCore
import CairnStore
import CairnRegistry
import CairnTesting
import Testing

/// The `RegisteredModelStore` and `ModelVersionStore` contracts, run against every backend.
struct RegistryStoreContractTests {
    private func storeWithModel(_ backend: StoreBackend, versions: Int = 0) async throws -> any MetadataStore {
        let store = try await TestStores.store(backend)
        try await store.createRegisteredModel(RegisteredModel(name: "m", creationTimestamp: 1, lastUpdatedTimestamp: 1))
        for _ in 0..<versions {
            _ = try await store.createModelVersion(
                ModelVersion(name: "m", version: 0, creationTimestamp: 2, lastUpdatedTimestamp: 2, source: "s", storageLocation: "loc"))
        }
        return store
    }

    @Test(arguments: StoreBackend.allCases)
    func versionNumbersAreGaplessAndNeverReused(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend, versions: 2)
        try await store.deleteModelVersion(name: "m", version: 2, now: 3)
        let next = try await store.createModelVersion(
            ModelVersion(name: "m", version: 0, creationTimestamp: 4, lastUpdatedTimestamp: 4, source: "s", storageLocation: "loc"))
        #expect(next.version == 3)
        #expect(try await store.modelVersion(name: "m", version: 2) == nil)
        #expect(try await store.modelVersion(name: "m", version: 1)?.storageLocation == "loc")
    }

    @Test(arguments: StoreBackend.allCases)
    func duplicateModelNamesAreRejected(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend)
        await #expect(throws: CairnError.alreadyExists("Registered Model (name=m) already exists.")) {
            try await store.createRegisteredModel(RegisteredModel(name: "m", creationTimestamp: 1, lastUpdatedTimestamp: 1))
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func renameCarriesVersionsTagsAndAliases(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend, versions: 1)
        try await store.setRegisteredModelTag(name: "m", tag: KeyValue(key: "k", value: "v"))
        try await store.setModelVersionTag(name: "m", version: 1, tag: KeyValue(key: "vk", value: "vv"))
        try await store.setAlias(name: "m", alias: "champion", version: 1)
        try await store.renameRegisteredModel(from: "m", to: "n", now: 5)
        #expect(try await store.registeredModel(named: "m") == nil)
        let model = try #require(try await store.registeredModel(named: "n"))
        #expect(model.tags == [KeyValue(key: "k", value: "v")])
        #expect(model.aliases == [ModelAlias(alias: "champion", version: 1)])
        let version = try #require(try await store.modelVersion(name: "n", alias: "champion"))
        #expect(version.tags == [KeyValue(key: "vk", value: "vv")])
        #expect(version.aliases == ["champion"])
    }

    @Test(arguments: StoreBackend.allCases)
    func aliasesMoveAndDisappearWithTheirVersion(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend, versions: 2)
        try await store.setAlias(name: "m", alias: "champion", version: 1)
        try await store.setAlias(name: "m", alias: "champion", version: 2)
        #expect(try await store.modelVersion(name: "m", alias: "champion")?.version == 2)
        try await store.deleteModelVersion(name: "m", version: 2, now: 3)
        #expect(try await store.modelVersion(name: "m", alias: "champion") == nil)
        #expect(try await store.deleteAlias(name: "m", alias: "champion") == false)
    }

    @Test(arguments: StoreBackend.allCases)
    func transitionWithArchivingMovesOtherVersionsOutOfTheStage(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend, versions: 2)
        try await store.transitionStage(name: "m", version: 1, stage: .production, archiveExisting: false, now: 3)
        try await store.transitionStage(name: "m", version: 2, stage: .production, archiveExisting: true, now: 4)
        #expect(try await store.modelVersion(name: "m", version: 1)?.currentStage == .archived)
        let model = try #require(try await store.registeredModel(named: "m"))
        #expect(model.latestVersions.map(\.version) == [1, 2])
        #expect(model.latestVersions.map(\.currentStage) == [.archived, .production])
    }

    @Test(arguments: StoreBackend.allCases)
    func notEqualOnATagMatchesModelsWithoutIt(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend)
        try await store.createRegisteredModel(RegisteredModel(name: "prompt", creationTimestamp: 1, lastUpdatedTimestamp: 1))
        try await store.setRegisteredModelTag(name: "prompt", tag: KeyValue(key: "mlflow.prompt.is_prompt", value: "true"))
        let found = try await store.searchRegisteredModels(
            RegistryQuery(
                filter: [SearchClause(entity: .tag, key: "mlflow.prompt.is_prompt", comparator: .notEqual, value: .string("true"))],
                orderBy: [], offset: 0, limit: 10))
        #expect(found.map(\.name) == ["m"])
    }

    @Test(arguments: StoreBackend.allCases)
    func deletingAModelRemovesEverythingUnderIt(backend: StoreBackend) async throws {
        let store = try await storeWithModel(backend, versions: 2)
        try await store.deleteRegisteredModel(name: "m")
        #expect(try await store.registeredModel(named: "m") == nil)
        #expect(try await store.modelVersion(name: "m", version: 1) == nil)
        try await store.createRegisteredModel(RegisteredModel(name: "m", creationTimestamp: 1, lastUpdatedTimestamp: 1))
        let version = try await store.createModelVersion(
            ModelVersion(name: "m", version: 0, creationTimestamp: 2, lastUpdatedTimestamp: 2, source: "s", storageLocation: "l"))
        #expect(version.version == 1)
    }
}
