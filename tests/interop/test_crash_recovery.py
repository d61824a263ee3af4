"""kill -9 while several clients log batches: after a restart on the same store, every batch that was acknowledged
with 200 is present (and whole), and the store opens cleanly."""

import sqlite3
import threading
import time

import pytest
import requests
from mlflow import MlflowClient

import support
from support import API, Rest, ServerProcess

THREADS = 4
METRICS_PER_BATCH = 50
MIN_ACKED = 40  # kill only once this many batches in all were acknowledged
LOG_SECONDS = float(__import__("os").environ.get("INTEROP_CRASH_SECONDS", "3"))


def _logger(url, run_id, acked, stop):
    s = requests.Session()
    i = 0
    while not stop.is_set() and i < 100_000:
        body = {
            "run_id": run_id,
            "metrics": [{"key": f"k{j}", "value": float(i), "timestamp": 1_700_000_000_000 + i, "step": i}
                        for j in range(METRICS_PER_BATCH)],
            "params": [{"key": f"p{i}", "value": str(i)}],
            "tags": [{"key": "last", "value": str(i)}],
        }
        try:
            r = s.post(url + API + "/runs/log-batch", json=body, timeout=10)
        except requests.RequestException:
            return  # the server is gone
        if r.status_code == 200:
            acked.append(i)
        else:
            return
        i += 1


@pytest.mark.slow
@pytest.mark.local_store
def test_kill_9_during_batch_logging_loses_no_acknowledged_write(tmp_path):
    workdir = tmp_path / "crash"
    first = ServerProcess(workdir).start()
    try:
        rest = Rest(first.url)
        exp_id = rest.create_experiment()
        run_ids = [rest.create_run(exp_id) for _ in range(THREADS)]
        acked = {rid: [] for rid in run_ids}
        stop = threading.Event()
        threads = [threading.Thread(target=_logger, args=(first.url, rid, acked[rid], stop), daemon=True)
                   for rid in run_ids]
        for t in threads:
            t.start()
        start = time.monotonic()
        while time.monotonic() - start < 60:
            if time.monotonic() - start >= LOG_SECONDS and sum(map(len, acked.values())) >= MIN_ACKED:
                break
            time.sleep(0.05)
        first.kill()  # SIGKILL to the whole process group, mid-stream
        stop.set()
        for t in threads:
            t.join(timeout=20)
    finally:
        first.kill()

    total = sum(map(len, acked.values()))
    assert total >= MIN_ACKED, f"only {total} batches were acknowledged before the kill:\n{first.log_tail()}"

    second = ServerProcess(workdir).start()  # same store and artifacts, new port
    try:
        client = MlflowClient(second.url)
        for rid in run_ids:
            want = set(acked[rid])
            run = client.get_run(rid)
            params = run.data.params
            missing = sorted(i for i in want if params.get(f"p{i}") != str(i))
            assert not missing, f"run {rid}: acknowledged params missing after restart: {missing[:10]}"
            steps_first = {m.step for m in client.get_metric_history(rid, "k0")}
            steps_last = {m.step for m in client.get_metric_history(rid, f"k{METRICS_PER_BATCH - 1}")}
            assert want <= steps_first, f"run {rid}: acknowledged metrics missing: {sorted(want - steps_first)[:10]}"
            if support.TARGET == "cairn":
                # Cairn writes a batch in one transaction, so whatever was committed (acknowledged or in flight) is
                # whole. MLflow 3.17.2 commits a batch's params, metrics and tags separately: after kill -9 an
                # unacknowledged batch can be half there (seen: its param without its metrics).
                assert steps_first == steps_last
                assert {int(k[1:]) for k in params if k.startswith("p")} == steps_first
            assert len(run.data.metrics) == METRICS_PER_BATCH
            if want:
                assert run.data.metrics["k0"] >= max(want)
        # the restarted server takes new writes
        new_run = client.create_run(exp_id)
        client.log_metric(new_run.info.run_id, "after", 1.0)
        assert client.get_run(new_run.info.run_id).data.metrics == {"after": 1.0}
    finally:
        code = second.stop()

    if support.TARGET == "cairn":
        assert code == 0, f"cairn did not exit cleanly on SIGTERM ({code}):\n{second.log_tail()}"
    db = sqlite3.connect(second.store)
    try:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        db.close()
