"""Two `cairn server` replicas on one PostgreSQL database (and one bucket with INTEROP_ARTIFACTS=s3), with clients
spread over both: races end in one winner and MLflow's errors, nothing acknowledged is lost, a replica's kill -9
leaves the other serving, and a PostgreSQL restart gives clean 503s, then recovery without a restart of Cairn.

Runs with INTEROP_STORE=postgres (scripts/test does); each test starts its own pair of servers on a fresh schema.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

import support
from support import API, ServerProcess, assert_error, now_ms, unique

pytestmark = pytest.mark.replicas

WORKERS = 16


@pytest.fixture
def pair(tmp_path):
    """Two replicas sharing one store (and bucket); stopped at the end."""
    first = ServerProcess(tmp_path / "a", store_options="timeout=2").start()
    second = ServerProcess(tmp_path / "b", shares=tmp_path / "a", store_options="timeout=2").start()
    yield first, second
    for server in (first, second):
        server.stop()


def post(url: str, path: str, body: dict, timeout: float = 30) -> requests.Response:
    return requests.post(url + API + path, json=body, timeout=timeout)


def new_run(url: str) -> str:
    """A run in a new experiment, created through the server at `url`."""
    exp = post(url, "/experiments/create", {"name": unique("exp")}).json()["experiment_id"]
    return post(url, "/runs/create", {"experiment_id": exp, "start_time": now_ms()}).json()["run"]["info"]["run_id"]


def test_same_experiment_name_on_both_replicas_has_one_winner(pair):
    name = unique("race")
    with ThreadPoolExecutor(WORKERS) as pool:
        answers = list(pool.map(lambda i: post(pair[i % 2].url, "/experiments/create", {"name": name}), range(WORKERS)))
    winners = [a for a in answers if a.status_code == 200]
    assert len(winners) == 1, [a.text for a in answers]
    for answer in answers:
        if answer.status_code != 200:
            assert_error(answer, 400, "RESOURCE_ALREADY_EXISTS")
    ids = {requests.get(s.url + API + "/experiments/get-by-name", params={"experiment_name": name}, timeout=10)
           .json()["experiment"]["experiment_id"] for s in pair}
    assert ids == {winners[0].json()["experiment_id"]}


def test_distinct_experiments_on_both_replicas_get_distinct_ids(pair):
    with ThreadPoolExecutor(WORKERS) as pool:
        answers = list(pool.map(lambda i: post(pair[i % 2].url, "/experiments/create", {"name": unique("e")}), range(32)))
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers if a.status_code != 200]
    assert len({a.json()["experiment_id"] for a in answers}) == 32


def test_logging_to_one_run_through_both_replicas_loses_nothing(pair):
    run_id = new_run(pair[0].url)

    def batch(i: int) -> int:
        metrics = [{"key": "loss", "value": i + j / 100, "timestamp": now_ms(), "step": i * 10 + j} for j in range(10)]
        body = {"run_id": run_id, "metrics": metrics, "params": [{"key": "lr", "value": "0.1"}],
                "tags": [{"key": f"w{i}", "value": "x"}]}
        return post(pair[i % 2].url, "/runs/log-batch", body).status_code

    with ThreadPoolExecutor(WORKERS) as pool:
        codes = list(pool.map(batch, range(120)))
    assert codes == [200] * 120
    for server in pair:
        history = requests.get(server.url + API + "/metrics/get-history",
                               params={"run_id": run_id, "metric_key": "loss", "max_results": 5000}, timeout=30).json()
        assert len(history["metrics"]) == 1200
        run = requests.get(server.url + API + "/runs/get", params={"run_id": run_id}, timeout=10).json()["run"]
        assert run["data"]["metrics"][0]["step"] == 1199
        assert {t["key"] for t in run["data"]["tags"]} >= {f"w{i}" for i in range(120)}


def test_versions_registered_through_both_replicas_are_gapless_and_unique(pair):
    name = unique("model")
    assert post(pair[0].url, "/registered-models/create", {"name": name}).status_code == 200
    with ThreadPoolExecutor(WORKERS) as pool:
        answers = list(pool.map(
            lambda i: post(pair[i % 2].url, "/model-versions/create", {"name": name, "source": f"s3://b/{i}"}), range(40)))
    assert all(a.status_code == 200 for a in answers), [a.text for a in answers if a.status_code != 200]
    assert sorted(int(a.json()["model_version"]["version"]) for a in answers) == list(range(1, 41))


class Loggers:
    """Threads logging small batches to one run through given servers, recording what was acknowledged."""

    def __init__(self, run_id: str, urls: list[str], threads: int = 6):
        self.run_id, self.urls = run_id, urls
        self.acked: list[int] = []
        self.failures: dict[str, list[str]] = {url: [] for url in urls}
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.counter = iter(range(10**9))
        self.threads = [threading.Thread(target=self._loop, args=(urls[i % len(urls)],)) for i in range(threads)]

    def _loop(self, url: str) -> None:
        session = requests.Session()
        while not self.stop.is_set():
            with self.lock:
                step = next(self.counter)
            body = {"run_id": self.run_id, "metrics": [{"key": "m", "value": step, "timestamp": now_ms(), "step": step}]}
            try:
                r = session.post(url + API + "/runs/log-batch", json=body, timeout=10)
            except requests.RequestException as error:
                with self.lock:
                    self.failures[url].append(type(error).__name__)
                time.sleep(0.05)
                continue
            with self.lock:
                if r.status_code == 200:
                    self.acked.append(step)
                else:
                    self.failures[url].append(f"{r.status_code} {r.text[:120]}")

    def __enter__(self):
        for t in self.threads:
            t.start()
        return self

    def __exit__(self, *exc):
        self.stop.set()
        for t in self.threads:
            t.join(timeout=30)

    def count(self) -> int:
        with self.lock:
            return len(self.acked)


def stored_steps(url: str, run_id: str) -> set[int]:
    history = requests.get(url + API + "/metrics/get-history",
                           params={"run_id": run_id, "metric_key": "m", "max_results": 100000}, timeout=60).json()
    return {int(m["step"]) for m in history.get("metrics", [])}


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout:.0f}s waiting for {what}")


@pytest.mark.slow
def test_kill_9_of_one_replica_leaves_the_other_serving_and_loses_no_acknowledged_write(pair):
    first, second = pair
    run_id = new_run(second.url)
    with Loggers(run_id, [first.url, second.url]) as loggers:
        wait_for(lambda: loggers.count() >= 200, 60, "200 acknowledged batches")
        first.kill()
        before = loggers.count()
        wait_for(lambda: loggers.count() >= before + 200, 60, "200 more batches through the surviving replica")
    assert loggers.failures[second.url] == [], loggers.failures[second.url][:5]
    assert set(loggers.acked) <= stored_steps(second.url, run_id)


def pg_ctl(*args: str) -> None:
    """Runs the test server's pg_ctl (as its owner when we are root), from PG_BIN and PG_DATA of scripts/lib/postgres.sh."""
    command = [os.path.join(os.environ["PG_BIN"], "pg_ctl"), "-D", os.environ["PG_DATA"], "-w", *args]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command]
    subprocess.run(command, check=True, cwd="/", stdout=subprocess.DEVNULL, timeout=120)


@pytest.mark.slow
@pytest.mark.skipif(not os.environ.get("PG_DATA"), reason="needs the PostgreSQL of scripts/lib/postgres.sh (PG_BIN, PG_DATA)")
def test_postgres_restart_gives_clean_503s_then_recovery(pair):
    first, second = pair
    run_id = new_run(first.url)
    with Loggers(run_id, [first.url, second.url]) as loggers:
        wait_for(lambda: loggers.count() >= 100, 60, "100 acknowledged batches")
        pg_ctl("-m", "fast", "stop")
        try:
            time.sleep(4)
            down = post(first.url, "/runs/log-batch", {"run_id": run_id, "metrics": []}, timeout=30)
            assert_error(down, 503, "TEMPORARILY_UNAVAILABLE")
            assert all(s.healthy() for s in pair)
        finally:
            pg_ctl("-l", os.environ.get("PG_LOG", "/dev/null"), "start")
        after = loggers.count()
        wait_for(lambda: loggers.count() >= after + 100, 60, "100 batches after PostgreSQL came back")
    failures = [f for url in loggers.failures for f in loggers.failures[url]]
    assert failures, "expected some requests to fail while PostgreSQL was down"
    assert all(f.startswith("503 ") for f in failures), [f for f in failures if not f.startswith("503 ")][:5]
    assert set(loggers.acked) <= stored_steps(second.url, run_id)
    assert all(s.alive() for s in pair)
