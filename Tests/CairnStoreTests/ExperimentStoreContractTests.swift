import CairnCore
import CairnStore
import CairnTesting
import CairnTracking
import Testing

/// The `ExperimentStore` contract, run against every backend.
struct ExperimentStoreContractTests {
    @Test(arguments: StoreBackend.allCases)
    func createAssignsIncreasingIDsAndRejectsTakenNames(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.ensureDefaultExperiment(artifactLocation: "mlflow-artifacts:/0", now: 1)
        let first = try await store.createExperiment(name: "a", artifactLocation: nil, defaultArtifactRoot: "mlflow-artifacts:", tags: [], now: 2)
        let second = try await store.createExperiment(
            name: "b", artifactLocation: "/data/b", defaultArtifactRoot: "mlflow-artifacts:", tags: [KeyValue(key: "k", value: "v")], now: 3)
        #expect(first == "1")
        #expect(second == "2")
        #expect(try await store.experiment(id: "1")?.artifactLocation == "mlflow-artifacts:/1")
        #expect(try await store.experiment(named: "b")?.tags == [KeyValue(key: "k", value: "v")])
        await #expect(throws: CairnError.alreadyExists("Experiment 'a' already exists.")) {
            _ = try await store.createExperiment(name: "a", artifactLocation: nil, defaultArtifactRoot: "x", tags: [], now: 4)
        }
    }

    @Test(arguments: StoreBackend.allCases)
    func defaultExperimentIsCreatedOnce(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        try await store.ensureDefaultExperiment(artifactLocation: "mlflow-artifacts:/0", now: 1)
        try await store.ensureDefaultExperiment(artifactLocation: "elsewhere", now: 2)
        let experiment = try #require(try await store.experiment(id: "0"))
        #expect(experiment.name == "Default")
        #expect(experiment.artifactLocation == "mlflow-artifacts:/0")
    }

    @Test(arguments: StoreBackend.allCases)
    func lookupsOfMissingExperimentsReturnNil(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        #expect(try await store.experiment(id: "42") == nil)
        #expect(try await store.experiment(id: "not-a-number") == nil)
        #expect(try await store.experiment(named: "nope") == nil)
    }

    @Test(arguments: StoreBackend.allCases)
    func deletingAnExperimentDeletesItsRunsAndRestoreBringsThemBack(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        let id = try await store.createExperiment(name: "e", artifactLocation: nil, defaultArtifactRoot: "r", tags: [], now: 1)
        try await store.createRun(Fixtures.run(id: "run1", experimentID: id))
        try await store.setExperimentStage(id: id, stage: .deleted, now: 2)
        #expect(try await store.run(id: "run1")?.info.lifecycleStage == .deleted)
        try await store.setExperimentStage(id: id, stage: .active, now: 3)
        #expect(try await store.run(id: "run1")?.info.lifecycleStage == .active)
        #expect(try await store.experiment(id: id)?.lastUpdateTime == 3)
    }

    @Test(arguments: StoreBackend.allCases)
    func searchFiltersByViewAndOrdersNewestFirst(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        for (index, name) in ["x", "y", "z"].enumerated() {
            _ = try await store.createExperiment(name: name, artifactLocation: nil, defaultArtifactRoot: "r", tags: [], now: Int64(index))
        }
        try await store.setExperimentStage(id: "2", stage: .deleted, now: 10)
        let active = try await store.searchExperiments(EntityQuery(filter: [], orderBy: [], viewType: .activeOnly, offset: 0, limit: 10))
        #expect(active.map(\.name) == ["z", "x"])
        let named = try await store.searchExperiments(
            EntityQuery(
                filter: [SearchClause(entity: .attribute, key: "name", comparator: .like, value: .string("%z"))], orderBy: [],
                viewType: .all, offset: 0, limit: 10))
        #expect(named.map(\.name) == ["z"])
        let page = try await store.searchExperiments(EntityQuery(filter: [], orderBy: [], viewType: .all, offset: 1, limit: 1))
        #expect(page.map(\.name) == ["y", "x"])
    }

    @Test(arguments: StoreBackend.allCases)
    func orderingByExperimentIDIsNumeric(backend: StoreBackend) async throws {
        let store = try await TestStores.store(backend)
        for index in 1...11 {
            _ = try await store.createExperiment(name: "e\(index)", artifactLocation: nil, defaultArtifactRoot: "r", tags: [], now: 1)
        }
        let found = try await store.searchExperiments(
            EntityQuery(
                filter: [], orderBy: [SearchOrder(entity: .attribute, key: "experiment_id", ascending: true)], viewType: .all,
                offset: 0, limit: 20))
        #expect(found.map(\.id) == (1...11).map(String.init))
    }
}
