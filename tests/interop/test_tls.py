"""`cairn server --tls-cert/--tls-key`: the real mlflow client, the cairn CLI and tritonclient.grpc over TLS,
trusting a throw-away certificate authority (scripts/lib/test-certificates.sh)."""

from __future__ import annotations

import json
import os
import subprocess

import pytest
import requests
from mlflow import MlflowClient

import serving_support
import support
from support import ServerProcess

pytestmark = pytest.mark.skipif(support.TARGET != "cairn", reason="cairn's TLS flags")


@pytest.fixture(scope="module")
def tls_server(server_workdir):
    certificates = support.make_test_certificates(server_workdir / "tls-certificates")
    grpc_port = support.free_port()
    proc = ServerProcess(server_workdir / "tls", tls=certificates, extra=["--grpc-port", str(grpc_port)]).start()
    proc.grpc_port = grpc_port
    yield proc
    assert proc.stop() == 0, proc.log_tail()


def test_the_mlflow_client_tracks_over_https_trusting_the_authority(tls_server, monkeypatch, tmp_path):
    monkeypatch.setenv("MLFLOW_TRACKING_SERVER_CERT_PATH", tls_server.verify)
    client = MlflowClient(tracking_uri=tls_server.url)
    experiment = client.create_experiment(support.unique("tls"))
    run = client.create_run(experiment)
    client.log_param(run.info.run_id, "alpha", "0.5")
    client.log_metric(run.info.run_id, "auc", 0.91)
    client.log_text(run.info.run_id, "over TLS", "notes/readme.txt")
    client.set_terminated(run.info.run_id)
    fetched = client.get_run(run.info.run_id)
    assert fetched.data.params == {"alpha": "0.5"} and fetched.data.metrics == {"auc": 0.91}
    local = client.download_artifacts(run.info.run_id, "notes", str(tmp_path))
    assert (tmp_path / "notes" / "readme.txt").read_text() == "over TLS" and local.endswith("notes")


def test_a_client_that_does_not_trust_the_authority_is_refused(tls_server):
    with pytest.raises(requests.exceptions.SSLError):
        requests.get(tls_server.url + "/health", timeout=10)
    with pytest.raises(requests.exceptions.ConnectionError):
        requests.get(tls_server.url.replace("https://", "http://") + "/health", timeout=10)


def test_the_cairn_cli_talks_to_the_server_over_https(tls_server):
    command = [support.cairn_bin(), "experiments", "create", support.unique("cli-tls"), "--tracking-uri", tls_server.url, "--json"]
    environment = {**os.environ, "CAIRN_TRACKING_SERVER_CERT_PATH": tls_server.verify}
    created = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=60)
    assert created.returncode == 0, created.stderr
    assert json.loads(created.stdout)["experiment_id"]

    untrusting = {k: v for k, v in environment.items() if k != "CAIRN_TRACKING_SERVER_CERT_PATH"}
    refused = subprocess.run(command, env=untrusting, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    assert f"Cannot reach the tracking server at {tls_server.url}" in refused.stderr
    assert "CAIRN_TRACKING_SERVER_CERT_PATH" in refused.stderr


def test_grpc_clients_connect_over_tls(tls_server):
    grpcclient = pytest.importorskip("tritonclient.grpc")
    triton = grpcclient.InferenceServerClient(url=f"127.0.0.1:{tls_server.grpc_port}", ssl=True,
                                              root_certificates=tls_server.verify)
    try:
        serving_support.wait_until_grpc_live(triton)
        assert triton.is_server_ready()
        assert triton.get_server_metadata().name == "cairn"
    finally:
        triton.close()
