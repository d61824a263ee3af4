import CairnMonitoring
import CairnRegistry
import CairnServing
import CairnTracking

/// Every store port of the tracking, registry, serving and monitoring contexts, as one database adapter implements them.
///
/// The composition roots open one adapter (SQLite or PostgreSQL, chosen from the store location) and hand it to
/// the services as their ports.
public protocol MetadataStore:
    ExperimentStore, RunStore, LoggedModelStore, RegisteredModelStore, ModelVersionStore, DeploymentStore, PredictionSink,
    PredictionLogReader, MonitorStore, AlertStore {}

extension SQLiteStore: MetadataStore {}
