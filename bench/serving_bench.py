"""Driver of bench/serving.sh: trains the model, starts mlflow, MLServer and cairn serve, runs wrk, prints ratios."""

from __future__ import annotations

import argparse
import json
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import requests

FEATURES = [f"f{i}" for i in range(10)]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_data(directory: Path, rows: int = 10_000):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(rows, len(FEATURES)))
    y = ((X[:, 0] + X[:, 1] * X[:, 2] + 0.5 * rng.normal(size=rows)) > 0).astype(int)
    with open(directory / "train.csv", "w") as f:
        f.write(",".join(FEATURES + ["label"]) + "\n")
        for features, label in zip(X, y):
            f.write(",".join(f"{v:.6f}" for v in features) + f",{label}\n")
    return X, y


def train_models(directory: Path, X, y) -> dict:
    import lightgbm
    import mlflow.lightgbm
    import pandas as pd
    from mlflow.models import infer_signature

    params = {"objective": "binary", "num_leaves": 31, "learning_rate": 0.1, "verbose": -1}
    frame = pd.DataFrame(X, columns=FEATURES)
    booster = lightgbm.train(params, lightgbm.Dataset(frame, y), num_boost_round=100)
    mlflow_dir = directory / "mlflow-model"
    mlflow.lightgbm.save_model(booster, str(mlflow_dir), signature=infer_signature(frame, booster.predict(frame)))
    return {"mlflow": mlflow_dir, "lgb": next(mlflow_dir.glob("*.lgb"), mlflow_dir / "model.lgb")}


class Server:
    def __init__(self, name: str, command: list[str], port: int, health: str, cwd: Path, env=None):
        self.name, self.port, self.health = name, port, health
        self.log = open(cwd / f"{name}.log", "wb")
        self.proc = subprocess.Popen(command, cwd=cwd, stdout=self.log, stderr=subprocess.STDOUT, env=env,
                                     start_new_session=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def wait(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode}")
            try:
                if requests.get(self.url(self.health), timeout=2).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"{self.name} did not become ready")

    def stop(self) -> None:
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        self.log.close()


def payloads(X, rows: int) -> dict:
    data = X[:rows].round(6).tolist()
    return {
        "invocations": json.dumps({"dataframe_split": {"columns": FEATURES, "data": data}}),
        "v2": json.dumps({"inputs": [{"name": "input-0", "shape": [rows, len(FEATURES)], "datatype": "FP64",
                                      "data": [v for row in data for v in row]}]}),
    }


def wrk(url: str, body: str, connections: int, seconds: float, directory: Path) -> dict:
    script = directory / "post.lua"
    script.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                      f"wrk.body = {json.dumps(body)}\n")
    out = subprocess.run(["wrk", "-t1", f"-c{connections}", f"-d{int(seconds)}s", "--latency", "-s", str(script), url],
                         check=True, capture_output=True, text=True).stdout

    def latency(percentile: str) -> float:
        m = re.search(rf"^\s*{percentile}%\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        if not m:
            return float("nan")
        return float(m.group(1)) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[m.group(2)]

    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return {"rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)), "p50_ms": latency("50"),
            "p99_ms": latency("99"), "errors": int(errors.group(1)) if errors else 0}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cairn-bin", required=True)
    parser.add_argument("--mlflow-venv", required=True)
    parser.add_argument("--mlserver-venv", required=True)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--json", help="also write the results here")
    args = parser.parse_args()

    directory = Path(tempfile.mkdtemp(prefix="cairn-serving-bench-"))
    X, y = make_data(directory)
    models = train_models(directory, X, y)
    (directory / "mlserver" / "lgbm").mkdir(parents=True)
    ports = {name: free_port() for name in ("mlflow", "mlserver", "mlserver-grpc", "mlserver-metrics", "cairn")}
    (directory / "mlserver" / "settings.json").write_text(json.dumps(
        {"http_port": ports["mlserver"], "grpc_port": ports["mlserver-grpc"], "metrics_port": ports["mlserver-metrics"]}))
    (directory / "mlserver" / "lgbm" / "model-settings.json").write_text(json.dumps(
        {"name": "lgbm", "implementation": "mlserver_lightgbm.LightGBMModel", "parameters": {"uri": str(models["lgb"])}}))

    # mlflow models serve starts `uvicorn` from PATH
    env = dict(os.environ, MLFLOW_DISABLE_TELEMETRY="true", PATH=f"{args.mlflow_venv}/bin:{os.environ['PATH']}")
    servers = {
        "mlflow": Server("mlflow", [f"{args.mlflow_venv}/bin/mlflow", "models", "serve", "-m", str(models["mlflow"]),
                                    "--env-manager", "local", "--host", "127.0.0.1", "-p", str(ports["mlflow"])],
                         ports["mlflow"], "/ping", directory, env),
        "mlserver": Server("mlserver", [f"{args.mlserver_venv}/bin/mlserver", "start", str(directory / "mlserver")],
                           ports["mlserver"], "/v2/models/lgbm/ready", directory, env),
        "cairn": Server("cairn", [args.cairn_bin, "serve", "--model", str(models["mlflow"]), "--name", "lgbm",
                                  "--port", str(ports["cairn"])], ports["cairn"], "/v2/health/ready", directory),
    }
    cells = [("mlflow", "invocations", "/invocations"), ("cairn", "invocations", "/invocations"),
             ("mlserver", "v2", "/v2/models/lgbm/infer"), ("cairn", "v2", "/v2/models/lgbm/infer")]
    results = []
    try:
        for server in servers.values():
            server.wait()
        for rows in (1, 100):
            bodies = payloads(X, rows)
            for connections in (1, 8):
                for name, protocol, path in cells:
                    body = bodies[protocol]
                    check = requests.post(servers[name].url(path), data=body, headers={"Content-Type": "application/json"}, timeout=30)
                    check.raise_for_status()
                    result = wrk(servers[name].url(path), body, connections, args.seconds, directory)
                    results.append({"server": name, "protocol": protocol, "rows": rows, "connections": connections, **result})
                    print(f"{name:9} {protocol:12} rows={rows:<4} c={connections} {result['rps']:>10.0f} req/s "
                          f"p50 {result['p50_ms']:.3f} ms p99 {result['p99_ms']:.3f} ms errors {result['errors']}", flush=True)
    finally:
        for server in servers.values():
            server.stop()

    print("\nAll three serve the same MLflow model directory (mlflow.lightgbm); Cairn reads its LightGBM text file.\n")
    print("| protocol | rows | conc. | peer | peer req/s | Cairn req/s | ratio | peer p50/p99 ms | Cairn p50/p99 ms |")
    print("|---|---|---|---|---|---|---|---|---|")
    for rows in (1, 100):
        for connections in (1, 8):
            for peer, protocol in (("mlflow", "invocations"), ("mlserver", "v2")):
                def cell(server):
                    return next(r for r in results if r["server"] == server and r["protocol"] == protocol
                                and r["rows"] == rows and r["connections"] == connections)
                p, c = cell(peer), cell("cairn")
                print(f"| {protocol} | {rows} | {connections} | {peer} | {p['rps']:.0f} | {c['rps']:.0f} | "
                      f"{c['rps'] / p['rps']:.1f}x | {p['p50_ms']:.2f} / {p['p99_ms']:.2f} | {c['p50_ms']:.2f} / {c['p99_ms']:.2f} |")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
