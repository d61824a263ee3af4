"""Logged models (MLflow 3.x): `mlflow.sklearn.log_model` creates, finalizes, searches and loads them."""

import mlflow
import numpy as np
import pytest
from mlflow.exceptions import MlflowException
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from support import files_under


@pytest.fixture(scope="module")
def trained():
    X, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=500).fit(X, y)
    return model, X


@pytest.mark.local_store
def test_log_model_and_load_every_way(server, client, experiment_id, trained):
    model, X = trained
    expected = model.predict_proba(X)
    with mlflow.start_run() as run:
        mlflow.log_param("C", 1.0)
        mlflow.log_metric("acc", 0.97)
        info = mlflow.sklearn.log_model(model, name="model", input_example=X[:2])
    rid = run.info.run_id
    assert info.model_id.startswith("m-") and len(info.model_id) == 34
    assert info.model_uri == f"models:/{info.model_id}"

    lm = client.get_logged_model(info.model_id)
    assert lm.status.to_int() == mlflow.entities.LoggedModelStatus.READY.to_int()
    assert lm.name == "model"
    assert lm.experiment_id == experiment_id
    assert lm.source_run_id == rid
    assert lm.artifact_location == f"mlflow-artifacts:/{experiment_id}/models/{info.model_id}/artifacts"

    on_disk = files_under(server.artifacts / experiment_id / "models" / info.model_id / "artifacts")
    assert "MLmodel" in on_disk and "requirements.txt" in on_disk
    assert any(f.startswith("model.") for f in on_disk)

    # the run records the model as an output
    got = client.get_run(rid)
    assert [o.model_id for o in got.outputs.model_outputs] == [info.model_id]

    for uri in (f"runs:/{rid}/model", info.model_uri, f"models:/{info.model_id}"):
        loaded = mlflow.sklearn.load_model(uri)
        np.testing.assert_array_equal(loaded.predict_proba(X), expected)
    pyfunc = mlflow.pyfunc.load_model(f"runs:/{rid}/model")
    np.testing.assert_array_equal(pyfunc.predict(X), model.predict(X))


def test_search_logged_models(client, experiment_id, trained):
    model, _ = trained
    with mlflow.start_run():
        a = mlflow.sklearn.log_model(model, name="alpha")
        b = mlflow.sklearn.log_model(model, name="beta")
    found = mlflow.search_logged_models(experiment_ids=[experiment_id], filter_string="name = 'alpha'",
                                        output_format="list")
    assert [m.model_id for m in found] == [a.model_id]
    found = mlflow.search_logged_models(experiment_ids=[experiment_id], output_format="list")
    assert {m.model_id for m in found} == {a.model_id, b.model_id}


def test_logged_model_tags(client, experiment_id, trained):
    model, _ = trained
    with mlflow.start_run():
        info = mlflow.sklearn.log_model(model, name="tagged")
    client.set_logged_model_tags(info.model_id, {"quality": "good", "owner": "me"})
    assert client.get_logged_model(info.model_id).tags["quality"] == "good"
    client.delete_logged_model_tag(info.model_id, "owner")
    tags = client.get_logged_model(info.model_id).tags
    assert "owner" not in tags and tags["quality"] == "good"


def test_missing_logged_model(client):
    with pytest.raises(MlflowException) as e:
        client.get_logged_model("m-" + "0" * 32)
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"
