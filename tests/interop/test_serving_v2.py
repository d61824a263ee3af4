"""The real Open Inference Protocol client (tritonclient[http]) against `cairn serve`."""

from __future__ import annotations

import time

import numpy as np
import pytest
import requests

import serving_support
import support
from serving_support import CLEAR_LABELS, CLEAR_ROWS

pytestmark = pytest.mark.skipif(support.TARGET != "cairn", reason="cairn serve only")

httpclient = pytest.importorskip("tritonclient.http")
from tritonclient.utils import InferenceServerException  # noqa: E402


@pytest.fixture
def triton(served):
    client = httpclient.InferenceServerClient(url=f"127.0.0.1:{served.port}")
    yield client
    client.close()


def feature_inputs(rows):
    return serving_support.feature_inputs(httpclient, rows, binary_data=False)


def test_health_and_metadata(triton):
    assert triton.is_server_live()
    assert triton.is_server_ready()
    assert triton.is_model_ready("churn")
    assert triton.is_model_ready("churn", "1")
    assert triton.get_server_metadata()["name"] == "cairn"
    metadata = triton.get_model_metadata("churn")
    assert [i["name"] for i in metadata["inputs"]] == ["x", "y", "color"]
    assert [i["datatype"] for i in metadata["inputs"]] == ["FP64", "FP64", "BYTES"]
    assert {o["name"]: o["shape"] for o in metadata["outputs"]} == {"label": [-1], "probabilities": [-1, 2]}


def test_infer_one_tensor_per_feature(triton):
    outputs = [httpclient.InferRequestedOutput("label", binary_data=False),
               httpclient.InferRequestedOutput("probabilities", binary_data=False)]
    result = triton.infer("churn", feature_inputs(CLEAR_ROWS), outputs=outputs, request_id="req-1")
    labels = result.as_numpy("label")
    assert [int(v.decode() if isinstance(v, bytes) else v) for v in labels] == CLEAR_LABELS
    probabilities = result.as_numpy("probabilities")
    assert probabilities.shape == (4, 2)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    response = result.get_response()
    assert response["id"] == "req-1" and response["model_name"] == "churn" and response["model_version"] == "1"


def test_infer_without_requested_outputs_and_pinned_version(triton):
    # With no outputs named, the client asks for every output as binary data.
    result = triton.infer("churn", feature_inputs(CLEAR_ROWS), model_version="1")
    assert result.as_numpy("probabilities").shape == (4, 2)
    assert all(o["parameters"]["binary_data_size"] > 0 for o in result.get_response()["outputs"])


def test_binary_tensor_data_is_the_clients_default(triton):
    """Inputs and outputs as raw bytes (tritonclient's default), with the same answer as JSON data."""
    x = httpclient.InferInput("x", [len(CLEAR_ROWS)], "FP64")
    x.set_data_from_numpy(np.array([r["x"] for r in CLEAR_ROWS], dtype=np.float64))
    y = httpclient.InferInput("y", [len(CLEAR_ROWS), 1], "FP32")
    y.set_data_from_numpy(np.array([[r["y"]] for r in CLEAR_ROWS], dtype=np.float32))
    color = httpclient.InferInput("color", [len(CLEAR_ROWS)], "BYTES")
    color.set_data_from_numpy(np.array([r["color"] for r in CLEAR_ROWS], dtype=object))
    outputs = [httpclient.InferRequestedOutput("label"), httpclient.InferRequestedOutput("probabilities")]
    binary = triton.infer("churn", [x, y, color], outputs=outputs)
    assert [int(v.decode()) for v in binary.as_numpy("label")] == CLEAR_LABELS
    as_json = triton.infer("churn", feature_inputs(CLEAR_ROWS), outputs=[
        httpclient.InferRequestedOutput("probabilities", binary_data=False)])
    assert np.array_equal(binary.as_numpy("probabilities"), as_json.as_numpy("probabilities"))
    assert "binary_tensor_data" in triton.get_server_metadata()["extensions"]


def test_predictions_are_logged_and_take_labels(served, triton):
    triton.infer("churn", feature_inputs(CLEAR_ROWS), request_id="logged-1")
    base = f"{served.url}/api/cairn/v1/deployments/churn"
    deadline = time.time() + 10
    while time.time() < deadline:
        logged = requests.get(f"{base}/predictions", params={"limit": 100}, timeout=10).json()["predictions"]
        if any(p["request_id"] == "logged-1" for p in logged):
            break
        time.sleep(0.1)
    else:
        pytest.fail("the prediction never reached the log")
    answer = requests.post(f"{base}/labels", json={"labels": [{"request_id": "logged-1", "label": [1, 0, 1, 0]}]}, timeout=10)
    assert answer.status_code == 200 and answer.json()["unknown_request_ids"] == []


def test_infer_one_two_dimensional_tensor(triton):
    data = np.array([[str(r["x"]), str(r["y"]), r["color"]] for r in CLEAR_ROWS], dtype=object)
    tensor = httpclient.InferInput("input-0", list(data.shape), "BYTES")
    tensor.set_data_from_numpy(data, binary_data=False)
    result = triton.infer("churn", [tensor], outputs=[httpclient.InferRequestedOutput("label", binary_data=False)])
    assert [int(v.decode() if isinstance(v, bytes) else v) for v in result.as_numpy("label")] == CLEAR_LABELS


def test_errors_reach_the_client_as_exceptions(triton):
    with pytest.raises(InferenceServerException, match="does not exist"):
        triton.infer("nope", feature_inputs(CLEAR_ROWS))
    bad = httpclient.InferInput("x", [2], "FP64")
    bad.set_data_from_numpy(np.array([1.0, 2.0]), binary_data=False)
    with pytest.raises(InferenceServerException, match=r"missing inputs \['y', 'color'\]"):
        triton.infer("churn", [bad])
    assert not triton.is_model_ready("churn", "9")


def test_ragged_and_mistyped_data_get_400(served):
    url = f"{served.url}/v2/models/churn/infer"
    ragged = {"inputs": [{"name": "in", "shape": [2, 3], "datatype": "FP64", "data": [[1, 2, 3], [4, 5]]}]}
    r = requests.post(url, json=ragged, timeout=10)
    assert r.status_code == 400 and "ragged" in r.json()["error"]
    typed = {"inputs": [{"name": "x", "shape": [1], "datatype": "INT8", "data": [300]}]}
    r = requests.post(url, json=typed, timeout=10)
    assert r.status_code == 400 and "INT8" in r.json()["error"]
