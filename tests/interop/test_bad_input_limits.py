"""log-batch limits (mlflow-rest.md §5) and the request-body size limit: 4xx, nothing written, still serving."""

import json

import pytest
import requests

from support import API, CAIRN_MAX_BODY_BYTES, assert_error

pytestmark = pytest.mark.usefixtures("server_healthy_after")


@pytest.fixture
def run_id(rest):
    return rest.create_run(rest.create_experiment())


def _metrics(n, key="m"):
    return [{"key": f"{key}{i}", "value": float(i), "timestamp": 1, "step": 0} for i in range(n)]


def _is_empty(rest, rid):
    data = rest.get_run(rid)["data"]
    user_tags = [t for t in data.get("tags", []) if not t["key"].startswith("mlflow.")]
    return not data.get("metrics") and not data.get("params") and not user_tags


@pytest.mark.parametrize(
    "body, message",
    [
        ({"metrics": _metrics(1001)}, "at most 1000 metrics"),
        ({"params": [{"key": f"p{i}", "value": "v"} for i in range(101)]}, "at most 100 params"),
        ({"tags": [{"key": f"t{i}", "value": "v"} for i in range(101)]}, "at most 100 tags"),
        ({"metrics": _metrics(950), "params": [{"key": f"p{i}", "value": "v"} for i in range(60)]},
         "at most 1000"),
    ],
)
def test_log_batch_over_limits(rest, run_id, body, message):
    r = rest.post("/runs/log-batch", {"run_id": run_id, **body})
    assert_error(r, 400, "INVALID_PARAMETER_VALUE", message)
    assert _is_empty(rest, run_id)


def test_log_batch_at_limits_is_accepted(rest, run_id):
    body = {"run_id": run_id, "metrics": _metrics(900), "params": [{"key": f"p{i}", "value": "v"} for i in range(100)]}
    assert rest.post("/runs/log-batch", body).status_code == 200
    data = rest.get_run(run_id)["data"]
    assert len(data["metrics"]) == 900 and len(data["params"]) == 100


# MLflow 3.17.2 answers 200 here and stores the bad metric as value 0.0, timestamp 0 (and drops the params).
# Cairn refuses the whole batch with 400: intentionally stricter.
@pytest.mark.cairn_only
def test_log_batch_with_one_bad_metric_writes_nothing(rest, run_id):
    metrics = _metrics(10) + [{"key": "bad", "value": "not a number", "timestamp": 1}]
    r = rest.post("/runs/log-batch", {"run_id": run_id, "metrics": metrics, "params": [{"key": "p", "value": "v"}]})
    assert_error(r, 400, "INVALID_PARAMETER_VALUE")
    assert _is_empty(rest, run_id)


def test_log_batch_with_a_metric_missing_its_value_writes_nothing(rest, run_id):
    metrics = _metrics(10) + [{"key": "novalue", "timestamp": 1}]
    r = rest.post("/runs/log-batch", {"run_id": run_id, "metrics": metrics, "params": [{"key": "p", "value": "v"}]})
    assert_error(r, 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'metrics[10].value'")
    assert _is_empty(rest, run_id)


# MLflow has no request-body limit (MAX_BATCH_LOG_REQUEST_SIZE measures len() of the parsed dict, so it never
# fires): it happily parses a huge body. Cairn caps JSON bodies (ServerConfiguration.maxBodySize, 64 MiB) and
# answers 4xx without writing anything. Intentionally stricter, so skipped for the mlflow target.
@pytest.mark.cairn_only
@pytest.mark.slow
def test_oversized_body_is_refused(server, rest, run_id):
    filler = "x" * 5000
    n = CAIRN_MAX_BODY_BYTES // len(filler) + 16
    params = ",".join(json.dumps({"key": f"p{i}", "value": filler}) for i in range(n))
    body = ('{"run_id": "%s", "params": [%s]}' % (run_id, params)).encode()
    assert len(body) > CAIRN_MAX_BODY_BYTES
    try:
        r = requests.post(server.url + API + "/runs/log-batch", data=body,
                          headers={"Content-Type": "application/json"}, timeout=60)
    except requests.ConnectionError:
        # closing the connection after the error response while we still send is acceptable
        r = None
    if r is not None:
        assert 400 <= r.status_code < 500, (r.status_code, r.text[:300])
        if r.headers.get("Content-Type", "").startswith("application/json"):
            assert r.json().get("error_code") in ("INVALID_PARAMETER_VALUE", "BAD_REQUEST", "RESOURCE_EXHAUSTED",
                                                  "REQUEST_LIMIT_EXCEEDED")
    assert _is_empty(rest, run_id)
