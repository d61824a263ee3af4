"""Side-by-side monitor benchmark: one `cairn monitors run` (drift + data quality + performance with late labels)
on a deployment's prediction log against Evidently 0.7's DataDriftPreset + ClassificationPreset on the same window
exported to a DataFrame.

A `cairn server` (release build) gets a registered model and a deployment; N logged predictions (one row each, the
20 input columns of bench/drift_bench.py, a predicted label and probability) and their labels are written into its
SQLite prediction log directly; a monitor with a 100,000-row reference profile is created. Cairn's time is the wall
time of the `cairn monitors run` command (process start, HTTP, reading the window from the store, every check,
storing the run); Evidently's is `Report.run` on DataFrames already in memory (the export from the store is timed
apart). Run through bench/monitor.sh.
"""
import argparse
import json
import pathlib
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from drift_bench import make_table  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def labeled(table, seed):
    """Adds a target, a predicted label and its probability that agree about 80% of the time."""
    rng = np.random.default_rng(seed)
    score = table["num0"].to_numpy() + 0.5 * rng.normal(size=len(table))
    target = (score > 0).astype(int)
    prob = 1 / (1 + np.exp(-(table["num0"].to_numpy() + 0.8 * rng.normal(size=len(table)))))
    return target, (prob > 0.5).astype(int), prob


def cairn(binary, *arguments, url):
    return subprocess.run([binary, *arguments, "--tracking-uri", url], check=True, capture_output=True, text=True).stdout


def fill_log(db, table, target, prediction, prob, now_ms):
    """Writes one logged prediction per row (inside the last half hour) and its label."""
    columns = list(table.columns)
    values = table.to_dict("list")
    rows, labels = [], []
    start = now_ms - 30 * 60 * 1000
    for i in range(len(table)):
        inputs = json.dumps({c: [values[c][i]] for c in columns})
        outputs = json.dumps({"label": [int(prediction[i])], "probability(0)": [1 - float(prob[i])], "probability(1)": [float(prob[i])]})
        rows.append((f"req-{i}", "bench", "churn", "1", inputs, outputs, 100, start + i * (30 * 60 * 1000) // len(table)))
        labels.append((f"req-{i}", str(int(target[i])), now_ms))
    with sqlite3.connect(db, timeout=60) as connection:
        connection.executemany("INSERT INTO prediction_log VALUES (?, ?, ?, ?, ?, ?, ?, ?)", rows)
        connection.executemany("INSERT INTO prediction_labels VALUES (?, ?, ?)", labels)


def export_window(db, start, end):
    """The window of the log as Evidently reads it: one DataFrame of inputs, target, prediction and probability."""
    with sqlite3.connect(db) as connection:
        records = connection.execute(
            "SELECT p.inputs, p.outputs, l.label FROM prediction_log p LEFT JOIN prediction_labels l USING (request_id) "
            "WHERE p.deployment = 'bench' AND p.time >= ? AND p.time < ?", (start, end)).fetchall()
    frame = pd.DataFrame([{k: v[0] for k, v in json.loads(inputs).items()} for inputs, _, _ in records])
    outputs = [json.loads(o) for _, o, _ in records]
    frame["target"] = [int(label) for _, _, label in records]
    frame["prediction"] = [o["label"][0] for o in outputs]
    frame["prob"] = [o["probability(1)"][0] for o in outputs]
    return frame


def evidently_run(reference, current, columns):
    from evidently import BinaryClassification, DataDefinition, Dataset, Report
    from evidently.presets import ClassificationPreset, DataDriftPreset

    definition = DataDefinition(
        numerical_columns=[c for c in columns if c.startswith("num")] + ["prob"],
        categorical_columns=[c for c in columns if c.startswith("cat")] + ["target", "prediction"],
        classification=[BinaryClassification(target="target", prediction_labels="prediction", prediction_probas="prob")])
    ref = Dataset.from_pandas(reference, data_definition=definition)
    cur = Dataset.from_pandas(current, data_definition=definition)
    start = time.perf_counter()
    Report([DataDriftPreset(columns=columns), ClassificationPreset()]).run(current_data=cur, reference_data=ref).dict()
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cairn", required=True)
    parser.add_argument("--rows", type=int, default=200_000, help="logged predictions in the window (at most 200,000)")
    parser.add_argument("--reference-rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3, help="cairn runs (the median is shown)")
    parser.add_argument("--evidently-repeat", type=int, default=1, help="Evidently runs (each takes about a minute; 0 runs only Cairn)")
    args = parser.parse_args()
    if not 1 <= args.rows <= 200_000:
        parser.error("--rows must be from 1 to 200,000 (a monitor run reads at most 200,000 predictions)")
    if args.repeat < 1 or args.evidently_repeat < 0:
        parser.error("--repeat must be at least 1 and --evidently-repeat at least 0")

    with tempfile.TemporaryDirectory(prefix="cairn-monitor-bench-") as tmp:
        tmp = pathlib.Path(tmp)
        reference = make_table(args.reference_rows, False, 1)
        current = make_table(args.rows, True, 2)
        columns = list(reference.columns)
        reference.to_csv(tmp / "ref.csv", index=False)
        subprocess.run([args.cairn, "monitor", "profile", "--data", str(tmp / "ref.csv"), "--output", str(tmp / "ref.json")],
                       check=True, capture_output=True)
        small = reference.head(2000).copy()
        small["label"] = labeled(small, 0)[0]
        small.drop(columns=[c for c in columns if c.startswith("cat")]).to_csv(tmp / "train.csv", index=False)

        port = free_port()
        url = f"http://127.0.0.1:{port}"
        log = open(tmp / "server.log", "wb")
        server = subprocess.Popen([args.cairn, "server", "--port", str(port), "--store", str(tmp / "cairn.db"),
                                   "--artifacts", str(tmp / "artifacts")], cwd=tmp, stdout=log, stderr=subprocess.STDOUT)
        try:
            for _ in range(600):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            cairn(args.cairn, "train", "--data", str(tmp / "train.csv"), "--target", "label", "--param", "num_iterations=5",
                  "--output", str(tmp / "model.cairn"), "--register", "churn", url=url)
            cairn(args.cairn, "deployments", "create", "bench", "--route", "models:/churn/1=1", url=url)
            now_ms = int(time.time() * 1000)
            target, prediction, prob = labeled(current, 1)
            fill_start = time.perf_counter()
            fill_log(tmp / "cairn.db", current, target, prediction, prob, now_ms)
            fill_seconds = time.perf_counter() - fill_start
            cairn(args.cairn, "monitors", "create", "watch", "--deployment", "bench", "--window", "1h", "--reference", str(tmp / "ref.json"),
                  "--drift", "--quality", "--metric", "accuracy>=0.9", "--metric", "auc>=0.5", url=url)

            cairn_runs = []
            for _ in range(args.repeat):
                start = time.perf_counter()
                out = subprocess.run([args.cairn, "monitors", "run", "watch", "--tracking-uri", url, "--json"], capture_output=True, text=True)
                cairn_runs.append(time.perf_counter() - start)
                if out.returncode not in (0, 6):
                    raise SystemExit(f"cairn monitors run failed: {out.stderr}")
            run = json.loads(out.stdout)
            if run.get("status") == "skipped" or run.get("rows") != args.rows:
                raise SystemExit(f"the monitor run did not read the {args.rows} logged predictions: {out.stdout[:500]}")
        finally:
            server.terminate()
            server.wait(timeout=60)

        cairn_seconds = sorted(cairn_runs)[args.repeat // 2]
        if args.evidently_repeat == 0:
            print(f"cairn monitors run on {run['rows']} logged predictions: {cairn_seconds:.3f} s (median of {args.repeat})")
            return
        export_start = time.perf_counter()
        window = export_window(tmp / "cairn.db", now_ms - 3_600_000, now_ms + 3_600_000)
        export_seconds = time.perf_counter() - export_start
        ref_frame = reference.copy()
        ref_frame["target"], ref_frame["prediction"], ref_frame["prob"] = labeled(reference, 3)
        evidently = sorted(evidently_run(ref_frame, window, columns) for _ in range(args.evidently_repeat))[args.evidently_repeat // 2]

        checks = {c["name"]: c["status"] for c in run["checks"]}
        print(f"window: {run['rows']} logged predictions, all labeled; reference profile of {args.reference_rows} rows; "
              f"log filled in {fill_seconds:.1f} s")
        print(f"cairn checks: {len(checks)} ({sum(s == 'failed' for s in checks.values())} failed), run status {run['status']}")
        print(f"{'':62} {'evidently':>10} {'cairn':>10} {'ratio':>8}")
        print(f"{'monitor run: drift + quality/classification, s (medians)':62} "
              f"{evidently:10.2f} {cairn_seconds:10.3f} {evidently / cairn_seconds:7.1f}x")
        print(f"(evidently's window export from the store to a DataFrame, not counted: {export_seconds:.2f} s)")


if __name__ == "__main__":
    main()
