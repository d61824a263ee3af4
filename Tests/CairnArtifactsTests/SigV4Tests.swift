import CairnArtifactsS3
import Foundation
import Testing

/// The S3 signer produces exactly botocore's Authorization header for a fixed set of requests
/// (fixture made by tools/fixtures/s3/make_sigv4_fixtures.py).
struct SigV4Tests {
    struct Case: Decodable {
        let name: String
        let method: String
        let host: String
        let path: String
        let query: [[String]]
        let payload_hash: String
        let region: String
        let session_token: String?
        let amz_date: String
        let authorization: String
    }

    struct Fixture: Decodable { let cases: [Case] }

    static let cases: [Case] = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/s3/sigv4.json")
        return (try? JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).cases) ?? []
    }()

    @Test func theFixtureHasCases() {
        #expect(Self.cases.count == 5)
    }

    @Test(arguments: cases.map(\.name))
    func signatureMatchesBotocore(name: String) throws {
        let fixture = try #require(Self.cases.first { $0.name == name })
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd'T'HHmmss'Z'"
        let date = try #require(formatter.date(from: fixture.amz_date))
        let signer = SigV4(
            credentials: .init(
                accessKeyID: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", sessionToken: fixture.session_token),
            region: fixture.region)
        let headers = signer.sign(
            method: fixture.method, host: fixture.host, path: fixture.path, query: fixture.query.map { ($0[0], $0[1]) },
            payloadHash: fixture.payload_hash, date: date)
        #expect(headers["authorization"] == fixture.authorization)
    }

    @Test func locationsParseEndpointsAndAddressingAndEncodeKeysAsBotocore() throws {
        let location = try S3Location(uri: "s3://bucket/root?endpoint=http://127.0.0.1:9000")
        #expect(location.pathStyle)
        #expect(location.prefix == "root")
        let aws = try S3Location(uri: "s3://bucket?region=eu-west-1")
        #expect(!aws.pathStyle)
        #expect(aws.endpoint.absoluteString == "https://s3.eu-west-1.amazonaws.com")
        #expect(throws: (any Error).self) { try S3Location(uri: "http://bucket/x") }
        let fixture = try #require(Self.cases.first { $0.name == "get object with space and unicode" })
        let noPrefix = try S3Location(uri: "s3://bucket?endpoint=http://127.0.0.1:9000")
        #expect(noPrefix.objectURL(key: "dir/a file ü.txt").path == fixture.path)
    }
}
