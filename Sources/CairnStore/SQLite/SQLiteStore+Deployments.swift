import CairnCore
import CairnServing
import Foundation
import GRDB

extension SQLiteStore: DeploymentStore {
    public func createDeployment(_ deployment: Deployment) async throws {
        let record = try DeploymentRecord(deployment)
        try await write { db in
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM deployments WHERE name = ?)", arguments: [record.name]) == true {
                throw CairnError.alreadyExists("Deployment '\(record.name)' already exists")
            }
            try db.execute(
                sql: """
                    INSERT INTO deployments (name, spec, previous_spec, revision, creation_time, last_update_time)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [record.name, record.spec, record.previousSpec, record.revision, record.creationTime, record.lastUpdateTime])
        }
    }

    public func deployment(named name: String) async throws -> Deployment? {
        try await read { db in try DeploymentRecord.fetch(db, where: "WHERE name = ?", [name]).first }?.deployment()
    }

    public func deployments() async throws -> [Deployment] {
        try await read { db in try DeploymentRecord.fetch(db, where: "ORDER BY name", []) }.map { try $0.deployment() }
    }

    public func replaceDeployment(_ deployment: Deployment, expectedRevision: Int) async throws {
        let record = try DeploymentRecord(deployment)
        try await write { db in
            guard let stored = try Int.fetchOne(db, sql: "SELECT revision FROM deployments WHERE name = ?", arguments: [record.name]) else {
                throw CairnError.notFound("Deployment '\(record.name)' does not exist")
            }
            guard stored == expectedRevision else {
                throw CairnError(.conflict, "Deployment '\(record.name)' was changed concurrently (revision \(stored)); retry")
            }
            try db.execute(
                sql: "UPDATE deployments SET spec = ?, previous_spec = ?, revision = ?, last_update_time = ? WHERE name = ?",
                arguments: [record.spec, record.previousSpec, record.revision, record.lastUpdateTime, record.name])
        }
    }

    public func deleteDeployment(named name: String) async throws -> Bool {
        try await write { db in
            try db.execute(sql: "DELETE FROM deployments WHERE name = ?", arguments: [name])
            return db.changesCount > 0
        }
    }
}

extension DeploymentRecord {
    static func fetch(_ db: Database, where clause: String, _ arguments: [String]) throws -> [DeploymentRecord] {
        try Row.fetchAll(db, sql: "SELECT * FROM deployments \(clause)", arguments: StatementArguments(arguments))
            .map { try DeploymentRecord(row: SQLiteStore.sqlRow($0)) }
    }
}
