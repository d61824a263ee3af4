import CairnArtifacts
import CairnArtifactsS3
import CairnCore
import Foundation
import Testing

/// The S3 artifact store against a real S3-compatible server (moto), which scripts/test starts and names in
/// `CAIRN_TEST_S3_ENDPOINT`. Without it these tests fail, unless `CAIRN_SKIP_S3=1` says to skip them.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["CAIRN_SKIP_S3"] != "1"))
struct S3ArtifactStoreTests {
    /// A store on a new bucket (created here), with a small part size so multipart uploads are exercised.
    private func makeStore() async throws -> S3ArtifactStore {
        let endpoint = try #require(
            ProcessInfo.processInfo.environment["CAIRN_TEST_S3_ENDPOINT"], "CAIRN_TEST_S3_ENDPOINT is not set; run scripts/test")
        let bucket = "cairn-\(UUID().uuidString.lowercased().prefix(12))"
        let location = try S3Location(uri: "s3://\(bucket)/prefix?endpoint=\(endpoint)")
        let store = S3ArtifactStore(
            location: location, credentials: .init(accessKeyID: "testing", secretAccessKey: "testing"), partSize: 5 << 20)
        try await store.createBucket()
        return store
    }

    private func chunks(_ data: [UInt8], size: Int = 1 << 20) -> AsyncStream<[UInt8]> {
        AsyncStream { continuation in
            for start in stride(from: 0, to: data.count, by: size) { continuation.yield(Array(data[start..<min(start + size, data.count)])) }
            continuation.finish()
        }
    }

    private func readAll(_ download: ArtifactDownload) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        for try await chunk in download.chunks { bytes += chunk }
        return bytes
    }

    @Test func smallAndMultipartFilesRoundTrip() async throws {
        let store = try await makeStore()
        let small = Array("hello".utf8)
        let large = (0..<(12 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try await store.write(try ArtifactPath("run/a.txt"), chunks: chunks(small))
        try await store.write(try ArtifactPath("run/dir/big.bin"), chunks: chunks(large))
        #expect(try await readAll(try await store.read(try ArtifactPath("run/a.txt"))) == small)
        let download = try await store.read(try ArtifactPath("run/dir/big.bin"))
        #expect(download.size == Int64(large.count))
        #expect(try await readAll(download) == large)
    }

    @Test func listingShowsFilesAndDirectoriesOneLevelDeep() async throws {
        let store = try await makeStore()
        for name in ["run/a.txt", "run/dir/b.txt", "run/dir/sub/c.txt"] {
            try await store.write(try ArtifactPath(name), chunks: chunks(Array(name.utf8)))
        }
        let listing = try #require(try await store.list(try ArtifactPath("run")))
        #expect(listing == [ArtifactFile(path: "a.txt", isDirectory: false, size: 9), ArtifactFile(path: "dir", isDirectory: true, size: nil)])
        #expect(try await store.list(try ArtifactPath("missing")) == nil)
    }

    @Test func missingFilesAreNotFoundAndDeleteRemovesTrees() async throws {
        let store = try await makeStore()
        await #expect(throws: CairnError.notFound("File run/none.txt not found")) { _ = try await store.read(try ArtifactPath("run/none.txt")) }
        try await store.write(try ArtifactPath("run/dir/b.txt"), chunks: chunks(Array("b".utf8)))
        try await store.delete(try ArtifactPath("run"))
        #expect(try await store.list(try ArtifactPath("run")) == nil)
    }
}
