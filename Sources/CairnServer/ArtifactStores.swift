import CairnArtifacts
import CairnArtifactsS3
import CairnCore
import Foundation

/// Opens the artifact store an `--artifacts` location names: a directory, or `s3://bucket/prefix?endpoint=…`.
public enum ArtifactStores {
    /// - Parameter s3Credentials: needed for an S3 location (from `AWS_ACCESS_KEY_ID` and friends).
    /// - Throws: `invalidArgument` for a bad S3 location or missing credentials.
    public static func open(_ location: String, s3Credentials: SigV4.Credentials?) throws -> any ArtifactStore {
        guard location.hasPrefix("s3://") else { return try LocalArtifactStore(root: URL(fileURLWithPath: location)) }
        guard let s3Credentials else {
            throw CairnError.invalid("An S3 artifact location needs AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
        }
        return S3ArtifactStore(location: try S3Location(uri: location), credentials: s3Credentials)
    }

    /// Credentials from the usual AWS environment variables, if set.
    public static func credentials(from environment: [String: String]) -> SigV4.Credentials? {
        guard let key = environment["AWS_ACCESS_KEY_ID"], let secret = environment["AWS_SECRET_ACCESS_KEY"] else { return nil }
        return .init(accessKeyID: key, secretAccessKey: secret, sessionToken: environment["AWS_SESSION_TOKEN"])
    }
}
