import CairnArtifacts
import CairnCore
import CairnStore
import Foundation

/// The store backends a contract suite runs against. PostgreSQL joins this list when its adapter lands.
public enum StoreBackend: String, CaseIterable, Sendable, CustomStringConvertible {
    case sqlite

    public var description: String { rawValue }
}

/// Fresh, isolated stores for tests: each call gets its own temporary directory.
public enum TestStores {
    /// A new empty temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cairn-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A new, migrated, empty store of the given backend.
    public static func store(_ backend: StoreBackend) throws -> SQLiteStore {
        switch backend {
        case .sqlite: try SQLiteStore(path: temporaryDirectory().appendingPathComponent("cairn.db").path)
        }
    }

    /// A new local artifact store in its own directory.
    public static func artifacts() throws -> LocalArtifactStore {
        try LocalArtifactStore(root: temporaryDirectory().appendingPathComponent("artifacts"))
    }
}
