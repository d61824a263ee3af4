"""Deployments hosted by `cairn server`, driven by the real mlflow client (registry), tritonclient and requests."""

from __future__ import annotations

import sqlite3
import time

import numpy as np
import pytest
import requests

import support
import serving_support
from serving_support import CLEAR_ROWS, train_model
from support import ServerProcess

pytestmark = pytest.mark.skipif(support.TARGET != "cairn", reason="cairn deployments only")

httpclient = pytest.importorskip("tritonclient.http")

API = "/api/cairn/v1/deployments"


@pytest.fixture(scope="module")
def model_dir(server_workdir):
    model = train_model(server_workdir / "deployments")
    directory = model.parent / "model"
    directory.mkdir(exist_ok=True)
    (directory / "model.cairn").write_bytes(model.read_bytes())
    return directory


@pytest.fixture
def registered(client, model_dir):
    """A registered model with two versions of the same files and the alias champion on version 1."""
    name = support.unique("churn")
    client.create_registered_model(name)
    for _ in range(2):
        client.create_model_version(name, str(model_dir))
    client.set_registered_model_alias(name, "champion", "1")
    return name


def score(url: str, deployment: str, headers=None) -> requests.Response:
    return requests.post(f"{url}/deployments/{deployment}/invocations", json={"dataframe_records": CLEAR_ROWS[:1]},
                         headers=headers or {}, timeout=10)


def test_a_deployment_follows_its_alias_and_rolls_back(server, client, registered):
    name = support.unique("dep")
    r = requests.post(server.url + API, json={"name": name, "routes": [{"model": f"models:/{registered}@champion", "weight": 1}]},
                      timeout=30)
    assert r.status_code == 200, r.text
    assert r.json()["deployment"]["ready"] is True
    assert score(server.url, name).headers["X-Cairn-Model-Version"] == f"{registered}/1"

    client.set_registered_model_alias(registered, "champion", "2")
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        answer = score(server.url, name)
        assert answer.status_code == 200, answer.text
        if answer.headers["X-Cairn-Model-Version"] == f"{registered}/2":
            break
        time.sleep(0.1)
    else:
        pytest.fail("the deployment did not follow the alias")

    r = requests.patch(f"{server.url}{API}/{name}", json={"routes": [{"model": f"models:/{registered}/1", "weight": 1}]}, timeout=30)
    assert r.status_code == 200 and r.json()["deployment"]["revision"] == 2
    assert score(server.url, name).headers["X-Cairn-Model-Version"] == f"{registered}/1"
    r = requests.post(f"{server.url}{API}/{name}/rollback", timeout=30)
    assert r.status_code == 200
    assert score(server.url, name).headers["X-Cairn-Model-Version"] == f"{registered}/2"
    assert requests.delete(f"{server.url}{API}/{name}", timeout=10).status_code == 200


def test_tritonclient_infers_against_a_deployment(server, registered):
    name = support.unique("dep")
    routes = [{"model": f"models:/{registered}/1", "weight": 1}, {"model": f"models:/{registered}/2", "weight": 1, "role": "canary"}]
    assert requests.post(server.url + API, json={"name": name, "routes": routes}, timeout=30).status_code == 200
    triton = httpclient.InferenceServerClient(url=server.url.removeprefix("http://"))
    try:
        assert triton.is_model_ready(name)
        data = np.array([[str(r["x"]), str(r["y"]), r["color"]] for r in CLEAR_ROWS], dtype=object)
        tensor = httpclient.InferInput("input-0", list(data.shape), "BYTES")
        tensor.set_data_from_numpy(data, binary_data=False)
        versions = set()
        for _ in range(30):
            result = triton.infer(name, [tensor], outputs=[httpclient.InferRequestedOutput("probabilities", binary_data=False)])
            assert result.as_numpy("probabilities").shape == (len(CLEAR_ROWS), 2)
            versions.add(result.get_response()["model_version"])
        assert versions == {"1", "2"}
    finally:
        triton.close()


@pytest.mark.local_store
def test_the_prediction_log_survives_a_crash_up_to_its_flush_interval(server_workdir, model_dir):
    """kill -9 loses at most the predictions of the last flush interval (200 ms): those older are in the store."""
    proc = ServerProcess(server_workdir / "crash-log").start()
    try:
        r = requests.post(proc.url + API, json={"name": "d", "routes": [{"model": str(model_dir), "weight": 1}]}, timeout=30)
        assert r.status_code == 200, r.text
        for i in range(50):
            assert score(proc.url, "d", {"X-Request-Id": f"old-{i}"}).status_code == 200
        time.sleep(1.0)  # several flush intervals
        for i in range(20):
            assert score(proc.url, "d", {"X-Request-Id": f"new-{i}"}).status_code == 200
    finally:
        proc.kill()
    with sqlite3.connect(proc.store) as db:
        ids = {row[0] for row in db.execute("SELECT request_id FROM prediction_log WHERE deployment = 'd'")}
    assert {f"old-{i}" for i in range(50)} <= ids


@pytest.mark.local_store
def test_a_graceful_stop_flushes_every_prediction(server_workdir, model_dir):
    """SIGTERM drains HTTP, then flushes the prediction log: nothing answered is lost."""
    proc = ServerProcess(server_workdir / "graceful-log").start()
    r = requests.post(proc.url + API, json={"name": "d", "routes": [{"model": str(model_dir), "weight": 1}]}, timeout=30)
    assert r.status_code == 200, r.text
    for i in range(30):
        assert score(proc.url, "d", {"X-Request-Id": f"r-{i}"}).status_code == 200
    assert proc.stop() == 0, proc.log_tail()
    with sqlite3.connect(proc.store) as db:
        ids = {row[0] for row in db.execute("SELECT request_id FROM prediction_log WHERE deployment = 'd'")}
    assert ids == {f"r-{i}" for i in range(30)}


@pytest.mark.local_store
def test_grpc_clients_reach_the_deployments_and_their_predictions_are_logged(server_workdir, model_dir):
    """`cairn server --grpc-port`: tritonclient.grpc infers against a deployment as the REST route does, an unknown
    deployment is NOT_FOUND, and a graceful stop flushes the gRPC predictions to the log."""
    grpcclient = pytest.importorskip("tritonclient.grpc")
    from tritonclient.utils import InferenceServerException

    port = support.free_port()
    proc = ServerProcess(server_workdir / "grpc-deployments", extra=["--grpc-port", str(port)]).start()
    r = requests.post(proc.url + API, json={"name": "d", "routes": [{"model": str(model_dir), "weight": 1}]}, timeout=30)
    assert r.status_code == 200, r.text
    triton = grpcclient.InferenceServerClient(url=f"127.0.0.1:{port}")
    try:
        serving_support.wait_until_grpc_live(triton)
        assert triton.is_model_ready("d")
        result = triton.infer("d", serving_support.feature_inputs(grpcclient, CLEAR_ROWS), request_id="grpc-1",
                              outputs=[grpcclient.InferRequestedOutput("probabilities")])
        assert result.get_response().model_name == "d"
        rest = triton_http_probabilities(proc.url, "d")
        assert np.allclose(result.as_numpy("probabilities"), rest, rtol=0, atol=1e-12)
        with pytest.raises(InferenceServerException) as unknown:
            triton.infer("absent", serving_support.feature_inputs(grpcclient, CLEAR_ROWS))
        assert "StatusCode.NOT_FOUND" in str(unknown.value.status())
    finally:
        triton.close()
    assert proc.stop() == 0, proc.log_tail()
    with sqlite3.connect(proc.store) as db:
        ids = {row[0] for row in db.execute("SELECT request_id FROM prediction_log WHERE deployment = 'd'")}
    assert "grpc-1" in ids


def triton_http_probabilities(url: str, deployment: str) -> np.ndarray:
    """The probabilities the REST inference route gives for CLEAR_ROWS."""
    triton = httpclient.InferenceServerClient(url=url.removeprefix("http://"))
    try:
        result = triton.infer(deployment, serving_support.feature_inputs(httpclient, CLEAR_ROWS),
                              outputs=[httpclient.InferRequestedOutput("probabilities")])
        return result.as_numpy("probabilities")
    finally:
        triton.close()
