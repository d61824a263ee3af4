import CairnCore
import CairnStore
import CairnTesting
import CairnTracking
import Testing

/// Run search semantics of the `RunStore` contract: filters, ordering with missing values last, paging.
struct RunSearchContractTests {
    /// Three runs: a (m=1, p=x, tag Alpha), b (m=3, p=y), c (no metric, no param), started in that order.
    private func storeWithRuns(_ backend: StoreBackend) async throws -> any MetadataStore {
        let store = try await TestStores.store(backend)
        try await store.ensureDefaultExperiment(artifactLocation: "r/0", now: 0)
        for (index, id) in ["a", "b", "c"].enumerated() {
            try await store.createRun(Fixtures.run(id: id, experimentID: "0", start: Int64(index + 1), name: "run-\(id)"))
        }
        try await store.logBatch(
            runID: "a", metrics: [Fixtures.metric("m", 1)], params: [KeyValue(key: "p", value: "x")],
            tags: [KeyValue(key: "team", value: "Alpha")])
        try await store.logBatch(runID: "b", metrics: [Fixtures.metric("m", 3)], params: [KeyValue(key: "p", value: "y")], tags: [])
        return store
    }

    private func search(
        _ store: any RunStore, _ filter: [SearchClause] = [], order: [SearchOrder] = [], offset: Int = 0, limit: Int = 10
    ) async throws -> [String] {
        try await store.searchRuns(
            RunQuery(experimentIDs: ["0"], filter: filter, orderBy: order, viewType: .activeOnly, offset: offset, limit: limit)
        ).map(\.info.runID)
    }

    @Test(arguments: StoreBackend.allCases)
    func defaultOrderIsNewestFirst(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        #expect(try await search(store) == ["c", "b", "a"])
    }

    @Test(arguments: StoreBackend.allCases)
    func metricParamTagAndAttributeFiltersCombine(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        #expect(try await search(store, [SearchClause(entity: .metric, key: "m", comparator: .greater, value: .number(2))]) == ["b"])
        #expect(try await search(store, [SearchClause(entity: .metric, key: "m", comparator: .notEqual, value: .number(2))]) == ["b", "a"])
        #expect(try await search(store, [SearchClause(entity: .param, key: "p", comparator: .equal, value: .string("x"))]) == ["a"])
        #expect(try await search(store, [SearchClause(entity: .param, key: "p", comparator: .isNull, value: .none)]) == ["c"])
        #expect(
            try await search(store, [
                SearchClause(entity: .attribute, key: "run_id", comparator: .in, value: .list(["a", "c"])),
                SearchClause(entity: .attribute, key: "start_time", comparator: .greaterOrEqual, value: .number(2)),
            ]) == ["c"])
    }

    @Test(arguments: StoreBackend.allCases)
    func likeIsCaseSensitiveAndIlikeIsNot(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        #expect(try await search(store, [SearchClause(entity: .tag, key: "team", comparator: .like, value: .string("alp%"))]).isEmpty)
        #expect(try await search(store, [SearchClause(entity: .tag, key: "team", comparator: .like, value: .string("Alp%"))]) == ["a"])
        #expect(try await search(store, [SearchClause(entity: .tag, key: "team", comparator: .ilike, value: .string("alp%"))]) == ["a"])
        #expect(try await search(store, [SearchClause(entity: .attribute, key: "run_name", comparator: .like, value: .string("run-_"))]).count == 3)
    }

    @Test(arguments: StoreBackend.allCases)
    func orderingByMetricPutsMissingValuesLastInBothDirections(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        #expect(try await search(store, order: [SearchOrder(entity: .metric, key: "m", ascending: true)]) == ["a", "b", "c"])
        #expect(try await search(store, order: [SearchOrder(entity: .metric, key: "m", ascending: false)]) == ["b", "a", "c"])
        #expect(try await search(store, order: [SearchOrder(entity: .param, key: "p", ascending: false)]) == ["b", "a", "c"])
    }

    @Test(arguments: StoreBackend.allCases)
    func pagingReturnsEveryRunOnceWithOneExtraRowAsTheSignal(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        #expect(try await search(store, offset: 0, limit: 1) == ["c", "b"])
        #expect(try await search(store, offset: 1, limit: 1) == ["b", "a"])
        #expect(try await search(store, offset: 2, limit: 1) == ["a"])
    }

    @Test(arguments: StoreBackend.allCases)
    func deletedRunsAppearOnlyInTheirView(backend: StoreBackend) async throws {
        let store = try await storeWithRuns(backend)
        try await store.setRunStage(id: "b", stage: .deleted)
        #expect(try await search(store) == ["c", "a"])
        let deleted = try await store.searchRuns(
            RunQuery(experimentIDs: ["0"], filter: [], orderBy: [], viewType: .deletedOnly, offset: 0, limit: 10))
        #expect(deleted.map(\.info.runID) == ["b"])
    }
}
