"""Experiments through the mlflow client: create, get, get by name, search, rename, delete, restore, tags."""

import mlflow
import pytest
from mlflow.entities import ViewType
from mlflow.exceptions import MlflowException

from support import unique


def test_default_experiment_exists(client):
    exp = client.get_experiment("0")
    assert exp.name == "Default"
    assert exp.lifecycle_stage == "active"


def test_create_and_get_experiment(client):
    name = unique("exp")
    exp_id = client.create_experiment(name, tags={"team": "cairn", "k2": "v2"})
    assert exp_id.isdigit()
    exp = client.get_experiment(exp_id)
    assert exp.experiment_id == exp_id
    assert exp.name == name
    assert exp.lifecycle_stage == "active"
    assert exp.artifact_location == f"mlflow-artifacts:/{exp_id}"
    assert exp.tags["team"] == "cairn" and exp.tags["k2"] == "v2"
    assert exp.creation_time > 0 and exp.last_update_time >= exp.creation_time


def test_get_experiment_by_name(client):
    name = unique("exp")
    exp_id = client.create_experiment(name)
    assert client.get_experiment_by_name(name).experiment_id == exp_id
    assert mlflow.get_experiment_by_name(name).experiment_id == exp_id


def test_get_experiment_by_missing_name_is_none(client):
    assert client.get_experiment_by_name(unique("missing")) is None


def test_get_missing_experiment_raises_not_found(client):
    with pytest.raises(MlflowException) as e:
        client.get_experiment("987654321")
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def test_duplicate_experiment_name_is_rejected(client):
    name = unique("exp")
    client.create_experiment(name)
    with pytest.raises(MlflowException) as e:
        client.create_experiment(name)
    assert e.value.error_code == "RESOURCE_ALREADY_EXISTS"


def test_set_experiment_creates_then_reuses(client):
    name = unique("exp")
    exp = mlflow.set_experiment(name)
    again = mlflow.set_experiment(name)
    assert again.experiment_id == exp.experiment_id
    assert client.get_experiment(exp.experiment_id).name == name


def test_rename_experiment(client):
    name, new_name = unique("exp"), unique("renamed")
    exp_id = client.create_experiment(name)
    client.rename_experiment(exp_id, new_name)
    assert client.get_experiment(exp_id).name == new_name
    assert client.get_experiment_by_name(name) is None
    assert client.get_experiment_by_name(new_name).experiment_id == exp_id


def test_delete_and_restore_experiment_cascades_to_runs(client):
    exp_id = client.create_experiment(unique("exp"))
    run = client.create_run(exp_id)
    client.delete_experiment(exp_id)
    exp = client.get_experiment(exp_id)
    assert exp.lifecycle_stage == "deleted"
    assert client.get_run(run.info.run_id).info.lifecycle_stage == "deleted"
    # deleted experiments are still found by name, but hidden from active searches
    assert client.get_experiment_by_name(exp.name).lifecycle_stage == "deleted"
    active = client.search_experiments(filter_string=f"name = '{exp.name}'")
    assert active == []
    deleted = client.search_experiments(view_type=ViewType.DELETED_ONLY, filter_string=f"name = '{exp.name}'")
    assert [e.experiment_id for e in deleted] == [exp_id]
    # a deleted experiment's name stays taken
    with pytest.raises(MlflowException) as e:
        client.create_experiment(exp.name)
    assert e.value.error_code == "RESOURCE_ALREADY_EXISTS"

    client.restore_experiment(exp_id)
    assert client.get_experiment(exp_id).lifecycle_stage == "active"
    assert client.get_run(run.info.run_id).info.lifecycle_stage == "active"


def test_experiment_tags(client):
    exp_id = client.create_experiment(unique("exp"))
    client.set_experiment_tag(exp_id, "stage", "dev")
    client.set_experiment_tag(exp_id, "stage", "prod")  # upsert
    client.set_experiment_tag(exp_id, "other", "x")
    assert client.get_experiment(exp_id).tags["stage"] == "prod"
    client.delete_experiment_tag(exp_id, "other")
    tags = client.get_experiment(exp_id).tags
    assert "other" not in tags and tags["stage"] == "prod"
    mlflow.set_experiment(experiment_id=exp_id)
    mlflow.set_experiment_tags({"fluent": "yes"})
    assert client.get_experiment(exp_id).tags["fluent"] == "yes"


def test_search_experiments_filter_order_and_paging(client):
    prefix = unique("srch")
    names = [f"{prefix}-{c}" for c in "cabed"]
    ids = {}
    for n in names:
        ids[n] = client.create_experiment(n, tags={"group": prefix, "letter": n[-1]})

    found = client.search_experiments(filter_string=f"name LIKE '{prefix}-%'", order_by=["name DESC"])
    assert [e.name for e in found] == sorted(names, reverse=True)

    found = client.search_experiments(filter_string=f"name ILIKE '{prefix.upper()}-%'", order_by=["name ASC"])
    assert [e.name for e in found] == sorted(names)

    found = client.search_experiments(filter_string=f"tags.group = '{prefix}' AND tags.letter != 'a'")
    assert sorted(e.name for e in found) == sorted(n for n in names if not n.endswith("a"))

    # default order: creation_time DESC, then experiment_id ASC
    found = client.search_experiments(filter_string=f"name LIKE '{prefix}%'", order_by=["experiment_id ASC"])
    assert [e.experiment_id for e in found] == sorted(ids.values(), key=int)

    # paging: every experiment exactly once, in order
    seen, token = [], None
    while True:
        page = client.search_experiments(
            filter_string=f"name LIKE '{prefix}-%'", order_by=["name ASC"], max_results=2, page_token=token)
        assert len(page) <= 2
        seen += [e.name for e in page]
        token = page.token
        if not token:
            break
    assert seen == sorted(names)

    # the fluent API agrees
    fluent = mlflow.search_experiments(filter_string=f"name = '{names[0]}'")
    assert [e.experiment_id for e in fluent] == [ids[names[0]]]
