#!/usr/bin/env python3
"""Side-by-side tracking benchmark: the same load against `mlflow server` and `cairn server`.

Started by bench/tracking.sh (which builds cairn in release mode and prepares a venv with the full `mlflow`
package); can also be run by hand:

    python bench/tracking_load.py --cairn-bin .build/release/cairn --mlflow-bin /path/to/venv/bin/mlflow

Each server runs alone (one after the other) on a free loopback port with a fresh store in a temp directory and
is driven over raw HTTP by `requests` sessions with keep-alive, one per client thread. Figures:

  log_metric calls/s       --clients (8) threads, each POST runs/log-metric to its own run, for --seconds
  log_batch metrics/s      --batch-clients (4) threads, POST runs/log-batch of 1000 metrics, for --seconds
  create_run/s             --clients threads, POST runs/create, for --seconds
  search_runs p50/p95      --search-runs (10,000) runs with 5 params and 5 metrics each; --search-queries queries
                           filtered and ordered by a metric, max_results --search-page
  get_metric_history       --history-points (100,000) points of one metric, fetched as the client does
                           (GET metrics/get-history with max_results=25000, paging); median of --history-repeats
  artifact upload/download --artifact-mb (100) MB through the artifact proxy; median of --artifact-repeats
  server RSS               resident memory of the server's whole process tree, after the load (and after start)

The client is Python: when a phase's client CPU use nears one core (GIL), the figure is marked "client-bound"
and the server may be faster than shown.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field

import psutil
import requests

API = "/api/2.0/mlflow"
ART = "/api/2.0/mlflow-artifacts/artifacts"


# ------------------------------------------------------------------------------------------------ servers


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """One benchmarked setup: `mlflow server`, or one or more `cairn server` replicas sharing a store.

    With `store` (a PostgreSQL URL) the servers use it instead of a SQLite file in `workdir`; client thread `i`
    talks to replica `i % replicas`.
    """

    def __init__(self, kind: str, binary: str, workdir: str, mlflow_workers: int | None, store: str | None = None,
                 replicas: int = 1):
        self.kind, self.binary, self.workdir = kind, binary, workdir
        self.ports = [free_port() for _ in range(replicas)]
        self.urls = [f"http://127.0.0.1:{port}" for port in self.ports]
        self.url = self.urls[0]
        self.procs: list[subprocess.Popen] = []
        self.mlflow_workers = mlflow_workers
        self.store = store
        self.startup_s = 0.0

    def url_for(self, i: int) -> str:
        return self.urls[i % len(self.urls)]

    def command(self, port: int | None = None) -> list[str]:
        port = port or self.ports[0]
        store, arts = os.path.join(self.workdir, "store.db"), os.path.join(self.workdir, "artifacts")
        if self.binary.endswith("cairn"):
            return [self.binary, "server", "--host", "127.0.0.1", "--port", str(port), "--store", self.store or store,
                    "--artifacts", arts, "--log-level", "warning"]
        cmd = [self.binary, "server", "--backend-store-uri", self.store or f"sqlite:///{store}", "--serve-artifacts",
               "--artifacts-destination", arts, "--host", "127.0.0.1", "--port", str(port)]
        if self.mlflow_workers:
            cmd += ["--workers", str(self.mlflow_workers)]
        return cmd

    def start(self, timeout: float) -> None:
        env = dict(os.environ, MLFLOW_DISABLE_TELEMETRY="true")
        self.log = open(os.path.join(self.workdir, "server.log"), "wb")
        t0 = time.monotonic()
        for port in self.ports:
            self.procs.append(subprocess.Popen(self.command(port), cwd=self.workdir, env=env, stdin=subprocess.DEVNULL,
                                               stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True))
        pending = list(zip(self.procs, self.urls))
        while pending and time.monotonic() - t0 < timeout:
            proc, url = pending[0]
            if proc.poll() is not None:
                raise RuntimeError(f"{self.kind} exited early; see {self.workdir}/server.log")
            try:
                if requests.get(url + "/health", timeout=2).status_code == 200:
                    pending.pop(0)
                    continue
            except requests.RequestException:
                pass
            time.sleep(0.25)
        if pending:
            self.stop()
            raise RuntimeError(f"{self.kind} did not answer /health in {timeout}s")
        self.startup_s = time.monotonic() - t0

    def rss_mb(self) -> float:
        """Resident memory of every replica's whole process tree."""
        total = 0
        for proc in self.procs:
            try:
                root = psutil.Process(proc.pid)
                tree = [root] + root.children(recursive=True)
            except psutil.NoSuchProcess:
                return float("nan")
            for p in tree:
                try:
                    total += p.memory_info().rss
                except psutil.NoSuchProcess:
                    pass
        return total / 1e6

    def stop(self) -> None:
        for proc in self.procs:
            try:
                os.killpg(proc.pid, signal.SIGTERM)
                proc.wait(timeout=20)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                pass
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
        self.log.close()


# ------------------------------------------------------------------------------------------------ client helpers


class Api:
    def __init__(self, url: str):
        self.url = url
        self.s = requests.Session()

    def post(self, path: str, body: dict) -> dict:
        r = self.s.post(self.url + API + path, json=body, timeout=120)
        if r.status_code != 200:
            raise RuntimeError(f"POST {path}: {r.status_code} {r.text[:300]}")
        return r.json() if r.content else {}

    def get(self, path: str, params: dict) -> dict:
        r = self.s.get(self.url + API + path, params=params, timeout=120)
        if r.status_code != 200:
            raise RuntimeError(f"GET {path}: {r.status_code} {r.text[:300]}")
        return r.json()

    def experiment(self, name: str) -> str:
        return self.post("/experiments/create", {"name": name})["experiment_id"]

    def run(self, exp_id: str, **extra) -> str:
        body = {"experiment_id": exp_id, "start_time": int(time.time() * 1000), **extra}
        return self.post("/runs/create", body)["run"]["info"]["run_id"]


@dataclass
class Phase:
    ops: int = 0
    wall: float = 0.0
    client_cpu: float = 0.0
    errors: list = field(default_factory=list)

    @property
    def rate(self) -> float:
        return self.ops / self.wall if self.wall else 0.0

    @property
    def client_bound(self) -> bool:
        return self.wall > 0 and self.client_cpu / self.wall > 0.85


WARMUP_S = 2.0


def timed_threads(n: int, seconds: float, make_worker) -> Phase:
    """Runs n workers for WARMUP_S untimed, then `seconds` timed; a worker is a callable doing one operation and
    returning its count. (mlflow's workers import lazily on their first requests.)"""
    stop = threading.Event()
    counts = [0] * n
    errors: list = []
    workers = [make_worker(i) for i in range(n)]

    def loop(i):
        w = workers[i]
        try:
            while not stop.is_set():
                counts[i] += w()
        except Exception as e:  # noqa: BLE001
            errors.append(repr(e))

    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    time.sleep(WARMUP_S)
    base, cpu0, t0 = sum(counts), time.process_time(), time.monotonic()
    time.sleep(seconds)
    done, wall, cpu = sum(counts), time.monotonic() - t0, time.process_time() - cpu0
    stop.set()
    for t in threads:
        t.join(timeout=120)
    return Phase(done - base, wall, cpu, errors)


def parallel(n: int, items: list, fn) -> None:
    """Applies fn to every item with n threads (each thread gets its own Api via fn's first argument)."""
    lock = threading.Lock()
    it = iter(items)
    errors: list = []

    def loop(i):
        while True:
            with lock:
                try:
                    item = next(it)
                except StopIteration:
                    return
            try:
                fn(i, item)
            except Exception as e:  # noqa: BLE001
                errors.append(repr(e))
                return

    threads = [threading.Thread(target=loop, args=(i,), daemon=True) for i in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise RuntimeError(errors[0])


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


# ------------------------------------------------------------------------------------------------ workloads


def bench_server(srv: Server, a: argparse.Namespace, say) -> dict:
    res: dict = {"startup_s": srv.startup_s, "rss_start_mb": srv.rss_mb()}
    api = Api(srv.url)
    exp = api.experiment("bench")
    ts = int(time.time() * 1000)

    # log_metric calls/s
    runs = [api.run(exp) for _ in range(a.clients)]

    def lm_worker(i):
        s, rid, step, url = requests.Session(), runs[i], [0], srv.url_for(i)

        def op():
            step[0] += 1
            r = s.post(url + API + "/runs/log-metric",
                       json={"run_id": rid, "key": "loss", "value": 1.0 / step[0], "timestamp": ts + step[0],
                             "step": step[0]}, timeout=60)
            if r.status_code != 200:
                raise RuntimeError(r.text[:200])
            return 1
        return op

    ph = timed_threads(a.clients, a.seconds, lm_worker)
    res["log_metric"] = ph
    say(f"  log_metric: {ph.rate:,.0f} calls/s ({ph.ops} in {ph.wall:.1f}s)")

    # log_batch of 1000 metrics
    bruns = [api.run(exp) for _ in range(a.batch_clients)]

    def lb_worker(i):
        s, rid, n, url = requests.Session(), bruns[i], [0], srv.url_for(i)

        def op():
            base = n[0] * 100
            n[0] += 1
            body = {"run_id": rid, "metrics": [
                {"key": f"m{j % 10}", "value": float(j), "timestamp": ts + base + j // 10, "step": base + j // 10}
                for j in range(1000)]}
            r = s.post(url + API + "/runs/log-batch", json=body, timeout=120)
            if r.status_code != 200:
                raise RuntimeError(r.text[:200])
            return 1000
        return op

    ph = timed_threads(a.batch_clients, a.seconds, lb_worker)
    res["log_batch"] = ph
    say(f"  log_batch: {ph.rate:,.0f} metrics/s ({ph.ops // 1000} batches in {ph.wall:.1f}s)")

    # create_run/s
    cexp = api.experiment("bench-create")

    def cr_worker(i):
        s, url = requests.Session(), srv.url_for(i)

        def op():
            r = s.post(url + API + "/runs/create",
                       json={"experiment_id": cexp, "start_time": int(time.time() * 1000)}, timeout=60)
            if r.status_code != 200:
                raise RuntimeError(r.text[:200])
            return 1
        return op

    ph = timed_threads(a.clients, a.seconds, cr_worker)
    res["create_run"] = ph
    say(f"  create_run: {ph.rate:,.0f} runs/s ({ph.ops} in {ph.wall:.1f}s)")

    # search over N runs with 5 params and 5 metrics each
    sexp = api.experiment("bench-search")
    t0 = time.monotonic()
    apis = [Api(srv.url_for(i)) for i in range(a.clients)]

    def populate(i, k):
        c = apis[i]
        rid = c.run(sexp, start_time=ts + k)
        c.post("/runs/log-batch", {
            "run_id": rid,
            "params": [{"key": f"p{j}", "value": f"v{(k + j) % 13}"} for j in range(5)],
            "metrics": [{"key": f"m{j}", "value": ((k * 7919 + j * 104729) % 10007) / 10007.0, "timestamp": ts,
                         "step": 0} for j in range(5)],
        })

    parallel(a.clients, list(range(a.search_runs)), populate)
    res["search_populate_s"] = time.monotonic() - t0
    say(f"  populated {a.search_runs} runs in {res['search_populate_s']:.0f}s")
    lat = []
    body = {"experiment_ids": [sexp], "filter": "metrics.m0 > 0.5", "order_by": ["metrics.m1 DESC"],
            "max_results": a.search_page}
    first = api.post("/runs/search", body)  # warm-up, and a sanity check
    if len(first.get("runs", [])) != min(a.search_page, a.search_runs // 2) and a.search_runs >= 2 * a.search_page:
        say(f"  note: first search page has {len(first.get('runs', []))} runs")
    for _ in range(a.search_queries):
        t = time.monotonic()
        api.post("/runs/search", body)
        lat.append(time.monotonic() - t)
    res["search_p50_ms"], res["search_p95_ms"] = pct(lat, 0.5) * 1000, pct(lat, 0.95) * 1000
    say(f"  search_runs: p50 {res['search_p50_ms']:.1f} ms, p95 {res['search_p95_ms']:.1f} ms")

    # metric history of N points
    hrun = api.run(exp)
    for start in range(0, a.history_points, 1000):
        api.post("/runs/log-batch", {"run_id": hrun, "metrics": [
            {"key": "curve", "value": i * 0.001, "timestamp": ts + i, "step": i}
            for i in range(start, min(a.history_points, start + 1000))]})
    times = []
    for _ in range(a.history_repeats):
        t = time.monotonic()
        got, token = 0, None
        while True:
            params = {"run_id": hrun, "run_uuid": hrun, "metric_key": "curve", "max_results": 25000}
            if token:
                params["page_token"] = token
            page = api.get("/metrics/get-history", params)
            got += len(page.get("metrics", []))
            token = page.get("next_page_token")
            if not token:
                break
        times.append(time.monotonic() - t)
        if got != a.history_points:
            raise RuntimeError(f"history returned {got} points, expected {a.history_points}")
    res["history_s"] = statistics.median(times)
    say(f"  get_metric_history({a.history_points}): {res['history_s'] * 1000:.0f} ms")

    # artifact upload / download through the proxy
    size = a.artifact_mb * 1024 * 1024
    blob_path = os.path.join(srv.workdir, "..", f"blob-{a.artifact_mb}mb.bin")
    if not os.path.exists(blob_path):
        with open(blob_path, "wb") as f:
            chunk = os.urandom(1024 * 1024)
            for _ in range(a.artifact_mb):
                f.write(chunk)
    arun = api.run(exp)
    up, down = [], []
    s = requests.Session()
    for k in range(a.artifact_repeats):
        url = f"{srv.url}{ART}/{exp}/{arun}/artifacts/big-{k}.bin"
        with open(blob_path, "rb") as f:
            t = time.monotonic()
            r = s.put(url, data=f, headers={"Content-Type": "application/octet-stream",
                                            "Content-Length": str(size)}, timeout=600)
            up.append(time.monotonic() - t)
        if r.status_code != 200:
            raise RuntimeError(f"upload: {r.status_code} {r.text[:200]}")
        t = time.monotonic()
        n = 0
        with s.get(url, stream=True, timeout=600) as r:
            if r.status_code != 200:
                raise RuntimeError(f"download: {r.status_code}")
            for chunk in r.iter_content(1024 * 1024):
                n += len(chunk)
        down.append(time.monotonic() - t)
        if n != size:
            raise RuntimeError(f"downloaded {n} bytes, expected {size}")
    res["upload_mbps"] = a.artifact_mb / statistics.median(up)
    res["download_mbps"] = a.artifact_mb / statistics.median(down)
    say(f"  artifacts: upload {res['upload_mbps']:.0f} MB/s, download {res['download_mbps']:.0f} MB/s")

    res["rss_mb"] = srv.rss_mb()
    say(f"  RSS after load: {res['rss_mb']:.0f} MB (process tree)")
    return res


# ------------------------------------------------------------------------------------------------ report


ROWS = [
    # label, key, unit, higher_is_better
    ("log_metric calls/s ({c} clients)", "log_metric", "calls/s", True),
    ("log_batch(1000) metrics/s ({b} clients)", "log_batch", "metrics/s", True),
    ("create_run/s ({c} clients)", "create_run", "runs/s", True),
    ("search_runs p50 ({n} runs)", "search_p50_ms", "ms", False),
    ("search_runs p95 ({n} runs)", "search_p95_ms", "ms", False),
    ("get_metric_history ({h} points)", "history_s", "ms", False),
    ("artifact upload ({mb} MB)", "upload_mbps", "MB/s", True),
    ("artifact download ({mb} MB)", "download_mbps", "MB/s", True),
    ("server RSS after start", "rss_start_mb", "MB", False),
    ("server RSS after load", "rss_mb", "MB", False),
    ("startup until /health", "startup_s", "s", False),
]


def value(res: dict, key: str):
    v = res.get(key)
    if isinstance(v, Phase):
        return v.rate, v.client_bound
    if key == "history_s" and v is not None:
        return v * 1000, False
    return v, False


def report(results: dict, a: argparse.Namespace) -> str:
    """The table: one column per setup (mlflow first), then each Cairn setup's ratio to mlflow."""
    fmt = dict(c=a.clients, b=a.batch_clients, n=f"{a.search_runs:,}", h=f"{a.history_points:,}", mb=a.artifact_mb)
    kinds = list(results)
    cairns = [k for k in kinds if k != "mlflow"]
    header = f"{'figure':50} " + " ".join(f"{k:>14}" for k in kinds)
    header += "".join(f"  {k + ' vs mlflow':>18}" for k in cairns if "mlflow" in results)
    lines = [header, "-" * len(header)]

    def cell(v, bound):
        if v is None:
            return "-"
        text = f"{v:,.0f}" if v >= 100 else f"{v:,.1f}" if v >= 10 else f"{v:,.2f}"
        return text + (" *" if bound else "")

    for label, key, unit, higher in ROWS:
        values = {k: value(results[k], key) for k in kinds}
        line = f"{label.format(**fmt) + ' [' + unit + ']':50} " + " ".join(f"{cell(*values[k]):>14}" for k in kinds)
        m = values.get("mlflow", (None, False))[0]
        for k in cairns if "mlflow" in results else []:
            c = values[k][0]
            ratio = "-"
            if m and c:
                ratio = f"{c / m:.2f} of it" if key.startswith("rss") else f"{(c / m) if higher else (m / c):.1f}x"
            line += f"  {ratio:>18}"
        lines.append(line)
    lines.append("ratios: x = how many times better cairn is (throughput: cairn/mlflow; time: mlflow/cairn); "
                 "RSS: cairn's share of mlflow's")
    lines.append("* client-bound: the Python driver used ~1 CPU core in this phase; the server may be faster")
    return "\n".join(lines)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--cairn-bin", help="cairn executable (release build)")
    p.add_argument("--mlflow-bin", help="mlflow executable of a venv with the full mlflow package")
    p.add_argument("--only", choices=["cairn", "mlflow"], help="benchmark one server only")
    p.add_argument("--mlflow-workers", type=int, default=None, help="mlflow --workers (default: its own, 4)")
    p.add_argument("--seconds", type=float, default=10, help="duration of each throughput phase")
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--batch-clients", type=int, default=4)
    p.add_argument("--search-runs", type=int, default=10_000)
    p.add_argument("--search-queries", type=int, default=50)
    p.add_argument("--search-page", type=int, default=100, help="max_results of each search")
    p.add_argument("--history-points", type=int, default=100_000)
    p.add_argument("--history-repeats", type=int, default=5)
    p.add_argument("--artifact-mb", type=int, default=100)
    p.add_argument("--artifact-repeats", type=int, default=3)
    p.add_argument("--warmup", type=float, default=2, help="untimed seconds before each throughput phase")
    p.add_argument("--quick", action="store_true", help="small sizes, for checking the harness")
    p.add_argument("--json", help="also write the results as JSON to this file")
    p.add_argument("--keep", action="store_true", help="keep the temp dir with stores and server logs")
    p.add_argument("--postgres", help="run on PostgreSQL: base postgres:// URL of an empty database for cairn (one and "
                   "two replicas, each setup in a schema of its own)")
    p.add_argument("--mlflow-store", help="mlflow's --backend-store-uri (e.g. postgresql://…/mlflow_bench) instead of SQLite")
    a = p.parse_args()
    if a.quick:
        a.seconds, a.search_runs, a.search_queries, a.history_points = 2, 500, 10, 10_000
        a.history_repeats, a.artifact_mb, a.artifact_repeats = 2, 10, 1

    global WARMUP_S
    WARMUP_S = a.warmup
    # (name, which binary, store, replicas): mlflow first, so the table reads left to right
    setups = [("mlflow", "mlflow", a.mlflow_store, 1)]
    if a.postgres:
        setups += [("cairn", "cairn", f"{a.postgres}?schema=bench_one", 1), ("cairn x2", "cairn", f"{a.postgres}?schema=bench_two", 2)]
    else:
        setups += [("cairn", "cairn", None, 1)]
    setups = [setup for setup in setups if a.only in (None, setup[1])]
    for binary in {setup[1] for setup in setups}:
        if not getattr(a, f"{binary}_bin"):
            p.error(f"--{binary}-bin is required (or use --only)")

    def say(msg):
        print(msg, flush=True)

    root = tempfile.mkdtemp(prefix="cairn-bench-")
    results: dict = {}
    t_all = time.monotonic()
    try:
        for kind, binary, store, replicas in setups:
            workdir = os.path.join(root, kind.replace(" ", "-"))
            os.makedirs(workdir)
            srv = Server(kind, getattr(a, f"{binary}_bin"), workdir, a.mlflow_workers, store=store, replicas=replicas)
            say(f"== {kind}: starting ({' '.join(srv.command()[:2])} ..., {replicas} process(es))")
            srv.start(timeout=240 if binary == "mlflow" else 60)
            say(f"  up in {srv.startup_s:.1f}s on {', '.join(srv.urls)}")
            try:
                results[kind] = bench_server(srv, a, say)
            finally:
                srv.stop()
    finally:
        if a.keep:
            say(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    say("")
    say(f"machine: {os.cpu_count()} cores, {psutil.virtual_memory().total / 2**30:.0f} GiB; "
        f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; total {time.monotonic() - t_all:.0f}s")
    say(report(results, a))
    for kind, res in results.items():
        for key, v in res.items():
            if isinstance(v, Phase) and v.errors:
                say(f"{kind} {key}: {len(v.errors)} client errors, first: {v.errors[0]}")
    if a.json:
        out = {k: {kk: (vv.rate if isinstance(vv, Phase) else vv) for kk, vv in r.items()} for k, r in results.items()}
        with open(a.json, "w") as f:
            json.dump({"args": vars(a), "results": out}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
