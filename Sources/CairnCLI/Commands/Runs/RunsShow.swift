import ArgumentParser

/// `cairn runs show RUN_ID`.
struct RunsShow: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show one run: info, params, metrics, tags.")

    @OptionGroup var backend: BackendOptions

    @Argument(help: "Id of the run.")
    var runID: String

    func run() async throws {
        try await Output.run {
            let run = try await backend.backend().run(id: runID)
            if backend.json { return try Output.json(run) }
            let info = run.info
            print("run \(info.run_id) (\(info.run_name ?? "")) in experiment \(info.experiment_id)")
            print("status \(info.status), \(info.lifecycle_stage), started \(Output.time(info.start_time)), ended \(Output.time(info.end_time))")
            print("artifacts \(info.artifact_uri ?? "-")")
            let sections: [(String, [(String, String)])] = [
                ("params", (run.data.params ?? []).map { ($0.key, $0.value ?? "") }),
                ("metrics", (run.data.metrics ?? []).map { ($0.key, "\($0.value) (step \($0.step))") }),
                ("tags", (run.data.tags ?? []).map { ($0.key, $0.value ?? "") }),
            ]
            for (title, pairs) in sections where !pairs.isEmpty {
                print("\n\(title):")
                Output.table(["KEY", "VALUE"], pairs.sorted { $0.0 < $1.0 }.map { [$0.0, $0.1] })
            }
        }
    }
}
