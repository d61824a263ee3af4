"""MLflow's scoring protocol: `cairn serve` answers the payloads of `mlflow models serve` with the same JSON.

The reference is MLflow's own scoring function (mlflow.pyfunc.scoring_server.invocations, what its /invocations route
runs) called in-process on a scikit-learn model of the same kind trained on the same rows, so no conda environment or
second server is launched.
"""

from __future__ import annotations

import json

import pytest
import requests

import support
from serving_support import CLEAR_LABELS, CLEAR_ROWS, FEATURES, rows

pytestmark = pytest.mark.skipif(support.TARGET != "cairn", reason="cairn serve only")

PAYLOADS = {
    "dataframe_split": {"dataframe_split": {"columns": FEATURES, "data": [[r[f] for f in FEATURES] for r in CLEAR_ROWS]}},
    "dataframe_records": {"dataframe_records": CLEAR_ROWS},
    "instances": {"instances": CLEAR_ROWS},
    "inputs": {"inputs": {f: [r[f] for r in CLEAR_ROWS] for f in FEATURES}},
}
CSV = "x,y,color\n" + "".join(f"{r['x']},{r['y']},{r['color']}\n" for r in CLEAR_ROWS)


class MlflowAnswer:
    """An answer of MLflow's scoring function, shaped like a `requests` response."""

    def __init__(self, status: int, text: str):
        self.status_code = status
        self.text = text

    def json(self):
        return json.loads(self.text)


@pytest.fixture(scope="module")
def mlflow_scoring(server_workdir):
    """MLflow's own scoring function (what its /invocations route runs), on a scikit-learn pipeline trained on the
    same rows."""
    pd = pytest.importorskip("pandas")
    import mlflow.pyfunc
    import mlflow.sklearn
    from mlflow.exceptions import MlflowException
    from mlflow.models import infer_signature
    from mlflow.pyfunc import scoring_server
    from sklearn.compose import ColumnTransformer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import OneHotEncoder

    frame = pd.DataFrame(rows())
    X, y = frame[FEATURES], frame["label"]
    pipeline = Pipeline([
        ("encode", ColumnTransformer([("color", OneHotEncoder(), ["color"])], remainder="passthrough")),
        ("model", LogisticRegression(max_iter=1000)),
    ]).fit(X, y)
    path = server_workdir / "sklearn-model"
    mlflow.sklearn.save_model(pipeline, str(path), signature=infer_signature(X, pipeline.predict(X)))
    model = mlflow.pyfunc.load_model(str(path))
    schema = model.metadata.get_input_schema()

    def score(body: str, content_type: str) -> MlflowAnswer:
        try:
            answer = scoring_server.invocations(body.encode(), content_type, model, schema)
            return MlflowAnswer(answer.status, answer.response)
        except MlflowException as e:
            return MlflowAnswer(e.get_http_status_code(), e.serialize_as_json())

    return score


def post_both(served, mlflow_scoring, body: str, content_type: str = "application/json"):
    ours = requests.post(served.url + "/invocations", data=body, headers={"Content-Type": content_type}, timeout=10)
    return ours, mlflow_scoring(body, content_type)


@pytest.mark.parametrize("fmt", sorted(PAYLOADS))
def test_json_formats_match_mlflow(served, mlflow_scoring, fmt):
    ours, theirs = post_both(served, mlflow_scoring, json.dumps(PAYLOADS[fmt]))
    assert theirs.status_code == 200, theirs.text
    assert ours.status_code == 200, ours.text
    assert ours.json() == theirs.json() == {"predictions": CLEAR_LABELS}
    assert ours.headers["X-Cairn-Model-Version"] == "churn/1"


def test_csv_matches_mlflow(served, mlflow_scoring):
    ours, theirs = post_both(served, mlflow_scoring, CSV, "text/csv")
    assert ours.status_code == theirs.status_code == 200
    assert ours.json() == theirs.json()


@pytest.mark.parametrize("body", ["not json", "[1, 2]", '{"data": []}'])
def test_malformed_bodies_get_the_same_error_code(served, mlflow_scoring, body):
    ours, theirs = post_both(served, mlflow_scoring, body)
    assert ours.status_code == theirs.status_code == 400
    assert ours.json()["error_code"] == theirs.json()["error_code"] == "BAD_REQUEST"


def test_missing_columns_are_a_schema_error_like_mlflow(served, mlflow_scoring):
    ours, theirs = post_both(served, mlflow_scoring, json.dumps({"dataframe_records": [{"x": 1.0}]}))
    assert ours.status_code == theirs.status_code == 400
    assert ours.json()["error_code"] == theirs.json()["error_code"]
    assert "missing inputs" in ours.json()["message"]


def test_unsupported_content_type_is_415_like_mlflow(served, mlflow_scoring):
    ours, theirs = post_both(served, mlflow_scoring, json.dumps(PAYLOADS["instances"]), "text/plain")
    assert ours.status_code == theirs.status_code == 415


def test_ping_health_version(served):
    for path in ("/ping", "/health"):
        r = requests.get(served.url + path, timeout=5)
        assert r.status_code == 200 and r.text == "\n"
    assert requests.get(served.url + "/version", timeout=5).text[0].isdigit()
