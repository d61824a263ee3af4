import AsyncHTTPClient
import CairnArtifacts
import CairnCore
import Foundation
import NIOCore
import NIOHTTP1

/// Artifacts in an S3-compatible bucket (AWS S3, MinIO, moto, …), signed with AWS Signature V4.
///
/// Uploads stream: files up to one part are sent with one PUT; larger ones as a multipart upload of 8 MiB parts,
/// so memory stays bounded whatever the file size. Downloads stream. "Directories" are key prefixes.
public struct S3ArtifactStore: ArtifactStore {
    public let location: S3Location
    let signer: SigV4
    let client: HTTPClient
    let partSize: Int

    public init(location: S3Location, credentials: SigV4.Credentials, client: HTTPClient = .shared, partSize: Int = 8 << 20) {
        self.location = location
        self.signer = SigV4(credentials: credentials, region: location.region)
        self.client = client
        self.partSize = max(partSize, 5 << 20)
    }

    private func key(_ path: ArtifactPath) -> String {
        [location.prefix, path.description].filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// Sends one signed request and returns the response; maps transport failures to `unavailable`.
    func send(
        _ method: HTTPMethod, key: String, query: [(String, String)] = [], body: ByteBuffer? = nil, headers: [String: String] = [:]
    ) async throws -> HTTPClientResponse {
        let target = location.objectURL(key: key, query: query)
        let payloadHash = SigV4.payloadHash(body.map { Data($0.readableBytesView) } ?? Data())
        var request = HTTPClientRequest(url: target.url.absoluteString)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        let signed = signer.sign(
            method: method.rawValue, host: target.host, path: target.path, query: query, headers: headers,
            payloadHash: payloadHash, date: Date())
        for (name, value) in signed where headers[name] == nil { request.headers.replaceOrAdd(name: name, value: value) }
        if let body { request.body = .bytes(body) }
        do {
            return try await client.execute(request, timeout: .seconds(300))
        } catch {
            throw CairnError(.unavailable, "The object store at \(location.endpoint) is unreachable: \(error)")
        }
    }

    func check(_ response: HTTPClientResponse, _ what: String) async throws {
        guard (200..<300).contains(response.status.code) else {
            let body = try? await response.body.collect(upTo: 64 * 1024)
            let detail = body.map { String(buffer: $0) } ?? ""
            if response.status == .notFound { throw CairnError.notFound("\(what): not found") }
            throw CairnError(.unavailable, "\(what) failed with HTTP \(response.status.code): \(detail.prefix(300))")
        }
    }

    public func write<Chunks: AsyncSequence>(_ path: ArtifactPath, chunks: Chunks) async throws where Chunks.Element == [UInt8] {
        guard !path.segments.isEmpty else { throw CairnError.invalid("Invalid path: an artifact path must name a file") }
        let objectKey = key(path)
        var buffer = ByteBuffer()
        var uploadID: String?
        var parts: [(number: Int, etag: String)] = []
        do {
            for try await chunk in chunks {
                buffer.writeBytes(chunk)
                while buffer.readableBytes >= partSize {
                    let part = buffer.readSlice(length: partSize)!
                    if uploadID == nil { uploadID = try await startMultipart(objectKey) }
                    parts.append((parts.count + 1, try await uploadPart(objectKey, uploadID!, number: parts.count + 1, part)))
                    buffer.discardReadBytes()
                }
            }
            guard let uploadID else {
                try await check(try await send(.PUT, key: objectKey, body: buffer), "Upload of '\(path)'")
                return
            }
            if buffer.readableBytes > 0 || parts.isEmpty {
                parts.append((parts.count + 1, try await uploadPart(objectKey, uploadID, number: parts.count + 1, buffer)))
            }
            try await completeMultipart(objectKey, uploadID, parts: parts)
        } catch {
            if let uploadID { _ = try? await send(.DELETE, key: objectKey, query: [("uploadId", uploadID)]) }
            throw error
        }
    }

    private func startMultipart(_ objectKey: String) async throws -> String {
        let response = try await send(.POST, key: objectKey, query: [("uploads", "")])
        try await check(response, "Starting a multipart upload")
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        guard let start = body.range(of: "<UploadId>"), let end = body.range(of: "</UploadId>") else {
            throw CairnError(.unavailable, "The object store answered no UploadId")
        }
        return String(body[start.upperBound..<end.lowerBound])
    }

    private func uploadPart(_ objectKey: String, _ uploadID: String, number: Int, _ part: ByteBuffer) async throws -> String {
        let response = try await send(.PUT, key: objectKey, query: [("partNumber", String(number)), ("uploadId", uploadID)], body: part)
        try await check(response, "Uploading part \(number)")
        guard let etag = response.headers.first(name: "ETag") else { throw CairnError(.unavailable, "The object store answered no ETag") }
        return etag
    }

    private func completeMultipart(_ objectKey: String, _ uploadID: String, parts: [(number: Int, etag: String)]) async throws {
        let xml = "<CompleteMultipartUpload>"
            + parts.map { "<Part><PartNumber>\($0.number)</PartNumber><ETag>\($0.etag)</ETag></Part>" }.joined()
            + "</CompleteMultipartUpload>"
        let response = try await send(.POST, key: objectKey, query: [("uploadId", uploadID)], body: ByteBuffer(string: xml))
        try await check(response, "Completing a multipart upload")
        let body = String(buffer: try await response.body.collect(upTo: 1 << 20))
        if body.contains("<Error>") { throw CairnError(.unavailable, "Completing a multipart upload failed: \(body.prefix(300))") }
    }

    public func read(_ path: ArtifactPath) async throws -> ArtifactDownload {
        let response = try await send(.GET, key: key(path))
        if response.status == .notFound {
            if try await list(path) != nil { throw CairnError.invalid("Invalid path: '\(path)' is a directory") }
            throw CairnError.notFound("File \(path) not found")
        }
        try await check(response, "Download of '\(path)'")
        let size = response.headers.first(name: "Content-Length").flatMap { Int64($0) } ?? 0
        let body = response.body
        let chunks = AsyncThrowingStream<[UInt8], any Error> { continuation in
            let task = Task {
                do {
                    for try await buffer in body { continuation.yield(Array(buffer.readableBytesView)) }
                    continuation.finish()
                } catch {
                    continuation.finish(throwing: error)
                }
            }
            continuation.onTermination = { _ in task.cancel() }
        }
        return ArtifactDownload(size: size, chunks: chunks)
    }

    public func list(_ path: ArtifactPath) async throws -> [ArtifactFile]? {
        let base = key(path)
        let prefix = base.isEmpty ? "" : base + "/"
        var files: [ArtifactFile] = []
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", prefix), ("delimiter", "/")]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send(.GET, key: "", query: query)
            try await check(response, "Listing '\(path)'")
            let listing = S3Listing(xml: String(buffer: try await response.body.collect(upTo: 64 << 20)))
            files += listing.prefixes.map { ArtifactFile(path: String($0.dropFirst(prefix.count).dropLast()), isDirectory: true, size: nil) }
            files += listing.objects.filter { $0.key != prefix }.map {
                ArtifactFile(path: String($0.key.dropFirst(prefix.count)), isDirectory: false, size: $0.size)
            }
            token = listing.continuationToken
        } while token != nil
        return files.isEmpty ? nil : files.sorted { $0.path < $1.path }
    }

    public func delete(_ path: ArtifactPath) async throws {
        let base = key(path)
        if !path.segments.isEmpty { try await check(try await send(.DELETE, key: base), "Deleting '\(path)'") }
        var token: String?
        repeat {
            var query = [("list-type", "2"), ("prefix", base.isEmpty ? "" : base + "/")]
            if let token { query.append(("continuation-token", token)) }
            let response = try await send(.GET, key: "", query: query)
            try await check(response, "Listing '\(path)'")
            let listing = S3Listing(xml: String(buffer: try await response.body.collect(upTo: 64 << 20)))
            for object in listing.objects { try await check(try await send(.DELETE, key: object.key), "Deleting '\(object.key)'") }
            token = listing.continuationToken
        } while token != nil
    }
}

extension S3ArtifactStore {
    /// Creates the bucket; an existing bucket of the caller's is not an error.
    public func createBucket() async throws {
        let response = try await send(.PUT, key: "")
        if response.status.code == 409 { return }
        try await check(response, "Creating bucket \(location.bucket)")
    }
}
