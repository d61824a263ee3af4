"""The auxiliary endpoints: /health, /version, /metrics, server-info."""

import pytest
import requests

import support


def test_health(server):
    r = requests.get(server.url + "/health", timeout=5)
    assert r.status_code == 200 and r.text.strip() == "OK"


def test_version(server):
    r = requests.get(server.url + "/version", timeout=5)
    assert r.status_code == 200
    version = r.text.strip()
    assert version and version[0].isdigit()
    if support.TARGET == "mlflow":
        assert version == "3.17.2"


@pytest.mark.cairn_only  # mlflow server exposes /metrics only with --expose-prometheus
def test_metrics_is_prometheus_text(server):
    requests.get(server.url + "/health", timeout=5)
    r = requests.get(server.url + "/metrics", timeout=5)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/plain")
    assert "# TYPE" in r.text
    assert 'http_route="/health"' in r.text


def test_unknown_method_is_not_a_server_error(server):
    r = requests.put(server.url + "/api/2.0/mlflow/runs/get", timeout=5)
    assert 400 <= r.status_code < 500
