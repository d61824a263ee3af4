"""Fixtures of the interop suites: one tracking server per session, driven by the real `mlflow` client.

Target selection (see support.py): INTEROP_TARGET=cairn (default, binary from $CAIRN_BIN) or INTEROP_TARGET=mlflow
(the reference `mlflow server`, to check that the assertions describe real MLflow behaviour).

Tests share the session's server, so none may assume a pristine store: each one makes its own experiments and
registered models with unique names (support.unique).
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

# Fail fast: the client would otherwise retry 5xx answers for minutes and wait 120 s per request.
os.environ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0"
os.environ["MLFLOW_HTTP_REQUEST_TIMEOUT"] = os.environ.get("INTEROP_REQUEST_TIMEOUT", "30")
os.environ["MLFLOW_DISABLE_TELEMETRY"] = "true"
os.environ["DO_NOT_TRACK"] = "true"
os.environ["MPLBACKEND"] = "Agg"
os.environ["GIT_PYTHON_REFRESH"] = "quiet"
os.environ.pop("MLFLOW_TRACKING_URI", None)
os.environ.pop("MLFLOW_REGISTRY_URI", None)

import mlflow  # noqa: E402
import pytest  # noqa: E402
from mlflow import MlflowClient  # noqa: E402

import support  # noqa: E402
from support import Rest, ServerProcess  # noqa: E402


def pytest_report_header(config):
    if support.TARGET == "cairn":
        return (f"interop target: cairn ({support.cairn_bin()}), store {support.STORE_BACKEND}, "
                f"artifacts {support.ARTIFACTS_BACKEND}")
    return f"interop target: mlflow server ({support.mlflow_bin()})"


def pytest_configure(config):
    config.addinivalue_line("markers", "cairn_only: Cairn is intentionally stricter than MLflow here; skipped for mlflow")
    config.addinivalue_line("markers", "slow: takes more than a few seconds")
    config.addinivalue_line("markers", "local_store: reads the store's or artifacts' files on disk; skipped on shared backends")
    config.addinivalue_line("markers", "replicas: several servers on one PostgreSQL and bucket; needs INTEROP_STORE=postgres")


def pytest_collection_modifyitems(config, items):
    stricter = pytest.mark.skip(reason="Cairn is intentionally stricter than MLflow here")
    on_disk = pytest.mark.skip(reason="reads files of a local store; the store or artifacts are shared here")
    single = pytest.mark.skip(reason="replica tests need INTEROP_STORE=postgres")
    for item in items:
        if support.TARGET == "mlflow" and "cairn_only" in item.keywords:
            item.add_marker(stricter)
        if support.SHARED_BACKENDS and "local_store" in item.keywords:
            item.add_marker(on_disk)
        if support.STORE_BACKEND != "postgres" and "replicas" in item.keywords:
            item.add_marker(single)


@pytest.fixture(scope="session")
def server_workdir():
    with tempfile.TemporaryDirectory(prefix=f"interop-{support.TARGET}-") as d:
        yield Path(d)


@pytest.fixture(scope="session")
def server(server_workdir):
    """The session's server: started in a fresh temp dir (its cwd), stopped (then killed) at the end.

    For quick iterations, INTEROP_URL=http://127.0.0.1:PORT with INTEROP_WORKDIR=<its cwd> reuses a server that is
    already running (its store and artifacts must be <workdir>/{cairn,mlflow}.db and <workdir>/artifacts).
    """
    if os.environ.get("INTEROP_URL"):
        yield support.ExternalServer(os.environ["INTEROP_URL"], Path(os.environ["INTEROP_WORKDIR"]))
        return
    proc = ServerProcess(server_workdir / "main")
    proc.start()
    yield proc
    alive = proc.alive()
    five_xx = support.count_5xx(proc.url) if alive and support.TARGET == "cairn" else {}
    code = proc.stop()
    if not alive:
        pytest.fail(f"the server died during the session:\n{proc.log_tail()}")
    # The client retries 5xx answers for minutes: Cairn must answer every client mistake with a 4xx.
    assert not five_xx, f"cairn answered 5xx during the session: {five_xx}\n{proc.log_tail()}"
    if support.TARGET == "cairn":
        assert code == 0, f"cairn exited with {code} on SIGTERM:\n{proc.log_tail()}"


@pytest.fixture(scope="session")
def tracking_uri(server) -> str:
    return server.url


@pytest.fixture(autouse=True)
def _point_client_at_server(request, server):
    mlflow.set_tracking_uri(server.url)
    mlflow.set_registry_uri(server.url)
    yield
    while mlflow.active_run() is not None:
        mlflow.end_run()
    # Any test that made the server crash is reported right where it happened.
    if not server.alive():
        pytest.fail(f"server is no longer running:\n{server.log_tail()}")


@pytest.fixture
def client(server) -> MlflowClient:
    return MlflowClient(tracking_uri=server.url, registry_uri=server.url)


@pytest.fixture
def rest(server) -> Rest:
    r = Rest(server.url)
    yield r
    r.session.close()


@pytest.fixture
def experiment_id(client) -> str:
    """A fresh experiment for this test, also made the fluent API's current experiment."""
    name = support.unique("exp")
    exp_id = client.create_experiment(name)
    mlflow.set_experiment(experiment_id=exp_id)
    return exp_id


@pytest.fixture
def server_healthy_after(server):
    """Use in bad-input tests: after the test, the server must still answer /health."""
    yield
    assert server.healthy(), f"server stopped answering /health:\n{server.log_tail()}"


@pytest.fixture(scope="module")
def served(server_workdir, request):
    """`cairn serve` of a classifier trained by `cairn train`, one per test module; it must answer no 5xx and exit
    cleanly on SIGTERM."""
    from serving_support import ServeProcess, train_model

    workdir = server_workdir / f"serve-{request.module.__name__}"
    # Batching, the prediction log and gRPC on, so every serving suite goes through them.
    grpc_port = support.free_port()
    extra = ["--log-predictions", "--max-batch-size", "8", "--max-queue-delay-micros", "300", "--grpc-port", str(grpc_port)]
    proc = ServeProcess(workdir, str(train_model(workdir)), extra=extra).start()
    proc.grpc_port = grpc_port
    yield proc
    five_xx = support.count_5xx(proc.url)
    assert proc.stop() == 0, proc.log_tail()
    assert not five_xx, f"cairn serve answered 5xx: {five_xx}"
