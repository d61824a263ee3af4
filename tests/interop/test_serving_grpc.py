"""The real Open Inference Protocol gRPC client (tritonclient[grpc]) against `cairn serve --grpc-port`."""

from __future__ import annotations

import numpy as np
import pytest

import serving_support
import support
from serving_support import CLEAR_LABELS, CLEAR_ROWS

pytestmark = pytest.mark.skipif(support.TARGET != "cairn", reason="cairn serve only")

grpcclient = pytest.importorskip("tritonclient.grpc")
from tritonclient.utils import InferenceServerException  # noqa: E402


@pytest.fixture
def triton(served):
    client = grpcclient.InferenceServerClient(url=f"127.0.0.1:{served.grpc_port}")
    serving_support.wait_until_grpc_live(client)
    yield client
    client.close()


def feature_inputs(rows):
    return serving_support.feature_inputs(grpcclient, rows)


def test_health_and_metadata(triton):
    assert triton.is_server_live()
    assert triton.is_server_ready()
    assert triton.is_model_ready("churn")
    assert triton.is_model_ready("churn", "1")
    assert triton.get_server_metadata().name == "cairn"
    metadata = triton.get_model_metadata("churn")
    assert [i.name for i in metadata.inputs] == ["x", "y", "color"]
    assert [i.datatype for i in metadata.inputs] == ["FP64", "FP64", "BYTES"]
    assert {o.name: list(o.shape) for o in metadata.outputs} == {"label": [-1], "probabilities": [-1, 2]}


def test_infer_matches_the_rest_protocol(triton, served):
    outputs = [grpcclient.InferRequestedOutput("label"), grpcclient.InferRequestedOutput("probabilities")]
    result = triton.infer("churn", feature_inputs(CLEAR_ROWS), outputs=outputs, request_id="g-1")
    labels = result.as_numpy("label")
    assert [int(v.decode() if isinstance(v, bytes) else v) for v in labels] == CLEAR_LABELS
    probabilities = result.as_numpy("probabilities")
    assert probabilities.shape == (4, 2)
    assert np.allclose(probabilities.sum(axis=1), 1.0)
    response = result.get_response()
    assert response.id == "g-1" and response.model_name == "churn" and response.model_version == "1"
    # The REST route gives the same probabilities for the same rows
    import requests
    body = {"inputs": [
        {"name": "x", "shape": [4], "datatype": "FP64", "data": [r["x"] for r in CLEAR_ROWS]},
        {"name": "y", "shape": [4, 1], "datatype": "FP32", "data": [[r["y"]] for r in CLEAR_ROWS]},
        {"name": "color", "shape": [4], "datatype": "BYTES", "data": [r["color"] for r in CLEAR_ROWS]},
    ]}
    rest = requests.post(f"{served.url}/v2/models/churn/infer", json=body, timeout=10).json()
    rest_probabilities = next(o for o in rest["outputs"] if o["name"] == "probabilities")["data"]
    assert np.allclose(np.array(rest_probabilities).reshape(4, 2), probabilities, rtol=0, atol=1e-12)


def test_bad_requests_get_precise_errors_and_the_server_keeps_answering(triton):
    with pytest.raises(InferenceServerException) as unknown:
        triton.infer("nope", feature_inputs(CLEAR_ROWS))
    assert "StatusCode.NOT_FOUND" in str(unknown.value.status())
    inputs = feature_inputs(CLEAR_ROWS)[:2]  # color is missing
    with pytest.raises(InferenceServerException) as missing:
        triton.infer("churn", inputs)
    assert "StatusCode.INVALID_ARGUMENT" in str(missing.value.status())
    assert "color" in missing.value.message()
    assert triton.is_server_ready()
