"""The model registry through MlflowClient: models, versions, tags, descriptions, aliases, stages, search, loading."""

import mlflow
import numpy as np
import pytest
from mlflow.exceptions import MlflowException
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

from support import unique


@pytest.fixture(scope="module")
def trained():
    X, y = load_iris(return_X_y=True)
    return LogisticRegression(max_iter=500).fit(X, y), X


def test_register_while_logging_and_load_every_uri(client, experiment_id, trained):
    model, X = trained
    name = unique("rm")
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(model, name="model", registered_model_name=name)
    assert str(info.registered_model_version) == "1"
    mv = client.get_model_version(name, "1")
    assert mv.status == "READY" and mv.current_stage == "None"
    assert mv.run_id == run.info.run_id
    assert mv.source == f"models:/{info.model_id}"

    # a second version from the same run via register_model
    mv2 = mlflow.register_model(f"runs:/{run.info.run_id}/model", name)
    assert mv2.version == "2"

    client.set_registered_model_alias(name, "champion", "1")
    client.transition_model_version_stage(name, "2", "Staging")
    expected = model.predict(X)
    for uri in (f"models:/{name}/1", f"models:/{name}@champion", f"models:/{name}/Staging", f"models:/{name}/latest"):
        loaded = mlflow.sklearn.load_model(uri)
        np.testing.assert_array_equal(loaded.predict(X), expected, err_msg=uri)

    uri = client.get_model_version_download_uri(name, "1")
    assert uri.startswith(f"mlflow-artifacts:/{experiment_id}/models/{info.model_id}")


def test_registered_model_crud(client):
    name, new_name = unique("rm"), unique("rm-renamed")
    rm = client.create_registered_model(name, tags={"team": "a"}, description="first")
    assert rm.name == name and rm.description == "first" and rm.tags == {"team": "a"}
    got = client.get_registered_model(name)
    assert got.creation_timestamp > 0 and got.latest_versions == []

    with pytest.raises(MlflowException) as e:
        client.create_registered_model(name)
    assert e.value.error_code == "RESOURCE_ALREADY_EXISTS"

    client.update_registered_model(name, description="second")
    assert client.get_registered_model(name).description == "second"
    client.set_registered_model_tag(name, "team", "b")
    client.set_registered_model_tag(name, "extra", "x")
    client.delete_registered_model_tag(name, "extra")
    assert client.get_registered_model(name).tags == {"team": "b"}

    client.rename_registered_model(name, new_name)
    with pytest.raises(MlflowException) as e:
        client.get_registered_model(name)
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    assert client.get_registered_model(new_name).description == "second"

    client.delete_registered_model(new_name)
    with pytest.raises(MlflowException) as e:
        client.get_registered_model(new_name)
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def _model_source(client, experiment_id, model):
    with mlflow.start_run() as run:
        info = mlflow.sklearn.log_model(model, name="model")
    return run.info.run_id, info


def test_versions_tags_descriptions_and_rename(client, experiment_id, trained):
    model, _ = trained
    rid, info = _model_source(client, experiment_id, model)
    name = unique("rm")
    client.create_registered_model(name)
    v1 = client.create_model_version(name, info.model_uri, run_id=rid, tags={"k": "v"}, description="d1",
                                     model_id=info.model_id)
    v2 = client.create_model_version(name, info.model_uri, run_id=rid, model_id=info.model_id)
    assert (v1.version, v2.version) == ("1", "2")
    assert v1.tags == {"k": "v"} and v1.description == "d1"

    client.update_model_version(name, "2", description="d2")
    client.set_model_version_tag(name, "2", "stage", "qa")
    client.set_model_version_tag(name, "2", "tmp", "x")
    client.delete_model_version_tag(name, "2", "tmp")
    got = client.get_model_version(name, "2")
    assert got.description == "d2" and got.tags == {"stage": "qa"}

    # versions follow a renamed model
    new_name = unique("rm-renamed")
    client.rename_registered_model(name, new_name)
    assert client.get_model_version(new_name, "1").description == "d1"

    # deleted version numbers are never reused
    client.delete_model_version(new_name, "2")
    with pytest.raises(MlflowException) as e:
        client.get_model_version(new_name, "2")
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    v3 = client.create_model_version(new_name, info.model_uri, run_id=rid, model_id=info.model_id)
    assert v3.version == "3"


def test_aliases(client, experiment_id, trained):
    model, _ = trained
    rid, info = _model_source(client, experiment_id, model)
    name = unique("rm")
    client.create_registered_model(name)
    for _ in range(2):
        client.create_model_version(name, info.model_uri, run_id=rid, model_id=info.model_id)
    client.set_registered_model_alias(name, "champion", "1")
    client.set_registered_model_alias(name, "challenger", "2")
    assert client.get_model_version_by_alias(name, "champion").version == "1"
    assert sorted(client.get_model_version(name, "1").aliases) == ["champion"]
    assert client.get_registered_model(name).aliases == {"champion": "1", "challenger": "2"}
    # moving an alias
    client.set_registered_model_alias(name, "champion", "2")
    assert client.get_model_version_by_alias(name, "champion").version == "2"
    assert client.get_model_version(name, "1").aliases == []
    client.delete_registered_model_alias(name, "champion")
    with pytest.raises(MlflowException) as e:
        client.get_model_version_by_alias(name, "champion")
    assert e.value.error_code == "INVALID_PARAMETER_VALUE"
    with pytest.raises(MlflowException) as e:
        client.set_registered_model_alias(name, "v2", "1")  # reserved
    assert e.value.error_code == "INVALID_PARAMETER_VALUE"
    with pytest.raises(MlflowException) as e:
        client.set_registered_model_alias(name, "Latest", "1")  # reserved
    assert e.value.error_code == "INVALID_PARAMETER_VALUE"


def test_stages_and_latest_versions(client, experiment_id, trained):
    model, _ = trained
    rid, info = _model_source(client, experiment_id, model)
    name = unique("rm")
    client.create_registered_model(name)
    for _ in range(4):
        client.create_model_version(name, info.model_uri, run_id=rid, model_id=info.model_id)
    client.transition_model_version_stage(name, "1", "Production")
    client.transition_model_version_stage(name, "2", "staging")  # case-insensitive
    client.transition_model_version_stage(name, "3", "Staging")
    assert client.get_model_version(name, "2").current_stage == "Staging"

    latest = {mv.current_stage: mv.version for mv in client.get_latest_versions(name)}
    assert latest == {"Production": "1", "Staging": "3", "None": "4"}
    assert [mv.version for mv in client.get_latest_versions(name, stages=["Staging"])] == ["3"]
    assert {mv.current_stage: mv.version for mv in client.get_registered_model(name).latest_versions} == latest

    mv = client.transition_model_version_stage(name, "4", "Production", archive_existing_versions=True)
    assert mv.current_stage == "Production"
    assert client.get_model_version(name, "1").current_stage == "Archived"
    with pytest.raises(MlflowException) as e:
        client.transition_model_version_stage(name, "4", "Nonsense")
    assert e.value.error_code == "INVALID_PARAMETER_VALUE"


def test_search_registered_models(client):
    prefix = unique("srm")
    names = [f"{prefix}-{c}" for c in "dbca"]
    for n in names:
        client.create_registered_model(n, tags={"group": prefix})
    found = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%'")
    assert [m.name for m in found] == sorted(names)  # default order: name ASC
    found = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%'", order_by=["name DESC"])
    assert [m.name for m in found] == sorted(names, reverse=True)
    found = client.search_registered_models(filter_string=f"name ILIKE '{prefix.upper()}-B'")
    assert [m.name for m in found] == [f"{prefix}-b"]
    found = client.search_registered_models(filter_string=f"tags.group = '{prefix}' AND name != '{prefix}-a'")
    assert sorted(m.name for m in found) == sorted(n for n in names if not n.endswith("-a"))
    seen, token = [], None
    while True:
        page = client.search_registered_models(filter_string=f"name LIKE '{prefix}-%'", max_results=3,
                                               page_token=token)
        seen += [m.name for m in page]
        token = page.token
        if not token:
            break
    assert seen == sorted(names)


def test_search_model_versions(client, experiment_id, trained):
    model, _ = trained
    rid, info = _model_source(client, experiment_id, model)
    a, b = unique("smv"), unique("smv")
    for n in (a, b):
        client.create_registered_model(n)
    for _ in range(3):
        client.create_model_version(a, info.model_uri, run_id=rid, model_id=info.model_id)
    client.create_model_version(b, info.model_uri, run_id=rid, model_id=info.model_id, tags={"t": "x"})
    found = client.search_model_versions(f"name = '{a}'")
    assert [mv.version for mv in found] == ["3", "2", "1"]  # default order: name ASC, version DESC
    found = client.search_model_versions(f"name IN ('{a}', '{b}')", order_by=["version_number ASC"])
    assert sorted((mv.name, mv.version) for mv in found) == sorted([(a, "1"), (a, "2"), (a, "3"), (b, "1")])
    found = client.search_model_versions(f"run_id = '{rid}' AND version_number >= 2")
    assert {(mv.name, mv.version) for mv in found} == {(a, "2"), (a, "3")}
    found = client.search_model_versions(f"tags.t = 'x' AND name = '{b}'")
    assert [(mv.name, mv.version) for mv in found] == [(b, "1")]


def test_missing_registry_objects(client):
    with pytest.raises(MlflowException) as e:
        client.get_registered_model(unique("nope"))
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"
    name = unique("rm")
    client.create_registered_model(name)
    with pytest.raises(MlflowException) as e:
        client.get_model_version(name, "7")
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"
