import CairnAPI
import CairnCore
import CairnServing
import Foundation

/// The training data of a model in the tracking store: the dataset its run logged with context `training` (as
/// `cairn train` and `mlflow.log_input` do), when that dataset is a local file.
enum TrainingDataset {
    /// The path of the training file behind `uri` (`models:/…` or `runs:/…`), checked against the SHA-256 the run
    /// recorded (when it recorded one, as `cairn train` does).
    /// - Throws: `invalidArgument` for a URI that names no run, a run without a training dataset, a dataset that is
    ///   not a local file, or a file that changed since the run; `notFound` for an unknown model, version, run or
    ///   a file no longer there.
    static func path(of uri: ModelURI, in backend: any TrackingBackend) async throws -> String {
        let runID = try await runID(of: uri, in: backend)
        let run = try await backend.run(id: runID)
        let inputs = run.inputs.dataset_inputs ?? []
        guard let input = inputs.first(where: { $0.tags?.contains { $0.key == "mlflow.data.context" && $0.value == "training" } ?? false })
            ?? (inputs.count == 1 ? inputs.first : nil)
        else { throw CairnError.invalid("Run \(runID) logged no training dataset; pass --data FILE") }
        let dataset = input.dataset
        guard dataset.source_type == "local", let path = localPath(dataset.source) else {
            throw CairnError.invalid(
                "The training dataset '\(dataset.name)' of run \(runID) is a \(dataset.source_type) source (\(dataset.source)); only local files can be read: pass --data FILE")
        }
        guard FileManager.default.fileExists(atPath: path) else {
            throw CairnError(.notFound, "The training file \(path) of run \(runID) is no longer there; pass --data FILE")
        }
        if let recorded = recordedSHA256(dataset.profile), try DatasetDescription.sha256(path: path) != recorded {
            throw CairnError.invalid(
                "The training file \(path) changed since run \(runID) read it (its SHA-256 was \(recorded)); pass --data FILE to profile it as it is now")
        }
        return path
    }

    /// The run behind a `runs:/` URI, or behind the registered version a `models:/` URI names.
    private static func runID(of uri: ModelURI, in backend: any TrackingBackend) async throws -> String {
        switch uri {
        case .run(let id, _):
            return id
        case .registered(let name, let selector):
            let version = try await backend.registeredVersion(name: name, selector: selector).version
            guard let runID = try await backend.versions(of: name).first(where: { $0.version == version })?.run_id, !runID.isEmpty else {
                throw CairnError.invalid("Version \(version) of model '\(name)' was not registered from a run, so it has no training data")
            }
            return runID
        case .path, .loggedModel:
            throw CairnError.invalid("--model takes models:/NAME/VERSION, models:/NAME@ALIAS or runs:/RUN_ID, got '\(uri)'")
        }
    }

    /// The file a local dataset source names: MLflow's `{"uri": …}` JSON, with or without `file://`.
    private static func localPath(_ source: String) -> String? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(source.utf8)) as? [String: Any],
            let uri = object["uri"] as? String
        else { return nil }
        return uri.hasPrefix("file://") ? URL(string: uri)?.path : uri
    }

    /// The `sha256` a dataset profile records, if any.
    private static func recordedSHA256(_ profile: String?) -> String? {
        guard let profile, let object = try? JSONSerialization.jsonObject(with: Data(profile.utf8)) as? [String: Any] else { return nil }
        return object["sha256"] as? String
    }
}
