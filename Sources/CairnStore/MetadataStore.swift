import CairnRegistry
import CairnTracking

/// Every store port of the tracking and registry contexts, as one database adapter implements them.
///
/// The composition roots open one adapter (SQLite or PostgreSQL, chosen from the store location) and hand it to
/// the services as their ports.
public protocol MetadataStore: ExperimentStore, RunStore, LoggedModelStore, RegisteredModelStore, ModelVersionStore {}

extension SQLiteStore: MetadataStore {}
