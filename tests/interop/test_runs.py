"""Runs through the mlflow client: create, get, update, delete, restore, nested runs, tags, params, inputs."""

import math
import time

import mlflow
import pandas as pd
import pytest
from mlflow.entities import Metric, Param, RunTag, ViewType
from mlflow.exceptions import MlflowException


def test_start_run_and_end_run(client, experiment_id):
    with mlflow.start_run(run_name="first") as run:
        run_id = run.info.run_id
        assert len(run_id) == 32 and all(c in "0123456789abcdef" for c in run_id)
        assert run.info.status == "RUNNING"
    got = client.get_run(run_id)
    assert got.info.experiment_id == experiment_id
    assert got.info.run_name == "first"
    assert got.data.tags["mlflow.runName"] == "first"
    assert got.info.status == "FINISHED"
    assert got.info.end_time is not None and got.info.end_time >= got.info.start_time
    assert got.info.lifecycle_stage == "active"
    assert got.info.artifact_uri == f"mlflow-artifacts:/{experiment_id}/{run_id}/artifacts"


def test_failed_run_status(client, experiment_id):
    with pytest.raises(RuntimeError):
        with mlflow.start_run() as run:
            raise RuntimeError("boom")
    assert client.get_run(run.info.run_id).info.status == "FAILED"


def test_generated_run_name(client, experiment_id):
    run = client.create_run(experiment_id)
    assert run.info.run_name
    assert client.get_run(run.info.run_id).data.tags["mlflow.runName"] == run.info.run_name


def test_client_create_run_with_tags_and_start_time(client, experiment_id):
    run = client.create_run(experiment_id, start_time=1_700_000_000_000, tags={"a": "1"}, run_name="named")
    got = client.get_run(run.info.run_id)
    assert got.info.start_time == 1_700_000_000_000
    assert got.data.tags["a"] == "1"
    assert got.info.run_name == "named"


def test_update_run(client, experiment_id):
    run = client.create_run(experiment_id)
    rid = run.info.run_id
    client.update_run(rid, name="renamed")
    got = client.get_run(rid)
    assert got.info.run_name == "renamed" and got.data.tags["mlflow.runName"] == "renamed"
    assert got.info.status == "RUNNING"
    client.set_terminated(rid, status="KILLED", end_time=1_800_000_000_000)
    got = client.get_run(rid)
    assert got.info.status == "KILLED" and got.info.end_time == 1_800_000_000_000
    client.update_run(rid, status="FINISHED")
    assert client.get_run(rid).info.status == "FINISHED"


def test_rename_run_with_tag(client, experiment_id):
    run = client.create_run(experiment_id)
    client.set_tag(run.info.run_id, "mlflow.runName", "via-tag")
    assert client.get_run(run.info.run_id).info.run_name == "via-tag"


def test_delete_and_restore_run(client, experiment_id):
    keep = client.create_run(experiment_id).info.run_id
    gone = client.create_run(experiment_id).info.run_id
    client.delete_run(gone)
    assert client.get_run(gone).info.lifecycle_stage == "deleted"  # get still returns deleted runs
    active = {r.info.run_id for r in client.search_runs([experiment_id])}
    assert active == {keep}
    deleted = {r.info.run_id for r in client.search_runs([experiment_id], run_view_type=ViewType.DELETED_ONLY)}
    assert deleted == {gone}
    everything = {r.info.run_id for r in client.search_runs([experiment_id], run_view_type=ViewType.ALL)}
    assert everything == {keep, gone}
    client.restore_run(gone)
    assert client.get_run(gone).info.lifecycle_stage == "active"
    assert {r.info.run_id for r in client.search_runs([experiment_id])} == {keep, gone}


def test_get_missing_run_raises_not_found(client):
    with pytest.raises(MlflowException) as e:
        client.get_run("0" * 32)
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def test_nested_runs(client, experiment_id):
    with mlflow.start_run(run_name="parent") as parent:
        with mlflow.start_run(run_name="child", nested=True) as child:
            with mlflow.start_run(run_name="grandchild", nested=True) as grandchild:
                pass
    pid = parent.info.run_id
    assert client.get_run(child.info.run_id).data.tags["mlflow.parentRunId"] == pid
    assert client.get_run(grandchild.info.run_id).data.tags["mlflow.parentRunId"] == child.info.run_id
    assert "mlflow.parentRunId" not in client.get_run(pid).data.tags
    children = client.search_runs([experiment_id], filter_string=f"tags.mlflow.parentRunId = '{pid}'")
    assert [r.info.run_id for r in children] == [child.info.run_id]
    for r in (parent, child, grandchild):
        assert client.get_run(r.info.run_id).info.status == "FINISHED"


def test_tags(client, experiment_id):
    with mlflow.start_run() as run:
        mlflow.set_tag("t1", "v1")
        mlflow.set_tags({"t2": "v2", "t3": "v3"})
        mlflow.set_tag("t1", "v1b")  # upsert
    rid = run.info.run_id
    tags = client.get_run(rid).data.tags
    assert tags["t1"] == "v1b" and tags["t2"] == "v2" and tags["t3"] == "v3"
    assert tags["mlflow.user"]  # the client's system tags arrive
    assert "mlflow.source.name" in tags
    client.delete_tag(rid, "t2")
    assert "t2" not in client.get_run(rid).data.tags
    with pytest.raises(MlflowException) as e:
        client.delete_tag(rid, "never-set")
    assert e.value.error_code == "RESOURCE_DOES_NOT_EXIST"


def test_params(client, experiment_id):
    with mlflow.start_run() as run:
        mlflow.log_param("lr", 0.01)
        mlflow.log_params({"depth": 5, "name": "gbm", "empty": ""})
        mlflow.log_param("lr", 0.01)  # same value again is fine
        with pytest.raises(MlflowException) as e:
            mlflow.log_param("lr", 0.02)
        assert e.value.error_code == "INVALID_PARAMETER_VALUE"
    params = client.get_run(run.info.run_id).data.params
    assert params == {"lr": "0.01", "depth": "5", "name": "gbm", "empty": ""}


def test_log_metric_and_latest_value(client, experiment_id):
    with mlflow.start_run() as run:
        mlflow.log_metric("loss", 1.0, step=0)
        mlflow.log_metric("loss", 0.5, step=2)
        mlflow.log_metric("loss", 0.7, step=1)  # an older step logged later is not the latest
        mlflow.log_metrics({"acc": 0.9, "f1": 0.8})
        mlflow.log_metric("nan", float("nan"))
        mlflow.log_metric("inf", float("inf"))
        mlflow.log_metric("neg", -3.25)
    data = client.get_run(run.info.run_id).data
    assert data.metrics["loss"] == 0.5
    assert data.metrics["acc"] == 0.9 and data.metrics["f1"] == 0.8
    assert math.isnan(data.metrics["nan"])
    assert data.metrics["inf"] > 1e308
    assert data.metrics["neg"] == -3.25
    hist = client.get_metric_history(run.info.run_id, "loss")
    assert sorted((m.step, m.value) for m in hist) == [(0, 1.0), (1, 0.7), (2, 0.5)]


def test_log_batch_params_tags_metrics(client, experiment_id):
    run = client.create_run(experiment_id)
    rid = run.info.run_id
    ts = int(time.time() * 1000)
    client.log_batch(
        rid,
        metrics=[Metric("m1", 1.5, ts, 0), Metric("m1", 2.5, ts, 1), Metric("m2", -1.0, ts, 0)],
        params=[Param("p1", "a"), Param("p2", "b")],
        tags=[RunTag("t1", "x")],
    )
    data = client.get_run(rid).data
    assert data.metrics == {"m1": 2.5, "m2": -1.0}
    assert data.params == {"p1": "a", "p2": "b"}
    assert data.tags["t1"] == "x"


def test_log_batch_1000_metrics(client, experiment_id):
    run = client.create_run(experiment_id)
    rid = run.info.run_id
    ts = int(time.time() * 1000)
    metrics = [Metric(f"k{i % 10}", float(i), ts, i // 10) for i in range(1000)]
    client.log_batch(rid, metrics=metrics)
    data = client.get_run(rid).data
    assert data.metrics == {f"k{j}": float(990 + j) for j in range(10)}
    hist = client.get_metric_history(rid, "k3")
    assert [m.step for m in sorted(hist, key=lambda m: m.step)] == list(range(100))
    assert all(m.value == float(m.step * 10 + 3) for m in hist)


def test_fluent_log_metrics_over_1000_is_split(client, experiment_id):
    # The client splits into requests of at most 1000 metrics; the server sees several log-batch calls.
    with mlflow.start_run() as run:
        mlflow.log_metrics({f"m{i}": float(i) for i in range(2500)})
    assert len(client.get_run(run.info.run_id).data.metrics) == 2500


def test_log_input_dataset(client, experiment_id):
    df = pd.DataFrame({"x": [1.0, 2.0, 3.0], "y": [0, 1, 0]})
    dataset = mlflow.data.from_pandas(df, source="file:///data/train.csv", name="train-set", targets="y")
    with mlflow.start_run() as run:
        mlflow.log_input(dataset, context="training", tags={"split": "train"})
    inputs = client.get_run(run.info.run_id).inputs
    assert len(inputs.dataset_inputs) == 1
    di = inputs.dataset_inputs[0]
    assert di.dataset.name == "train-set"
    assert di.dataset.digest == dataset.digest
    assert di.dataset.source_type == "local"
    assert "train.csv" in di.dataset.source
    assert di.dataset.schema and "x" in di.dataset.schema
    tags = {t.key: t.value for t in di.tags}
    assert tags["mlflow.data.context"] == "training"
    assert tags["split"] == "train"
    # dataset attributes are searchable
    found = client.search_runs([experiment_id], filter_string="datasets.name = 'train-set'")
    assert [r.info.run_id for r in found] == [run.info.run_id]
    found = client.search_runs([experiment_id], filter_string="datasets.context = 'training'")
    assert [r.info.run_id for r in found] == [run.info.run_id]


def test_writes_to_finished_run_are_allowed(client, experiment_id):
    # MLflow accepts writes to a FINISHED (but active) run; only deleted runs refuse them.
    with mlflow.start_run() as run:
        pass
    rid = run.info.run_id
    client.log_metric(rid, "late", 1.0)
    client.log_param(rid, "late_p", "v")
    client.set_tag(rid, "late_t", "v")
    data = client.get_run(rid).data
    assert data.metrics["late"] == 1.0 and data.params["late_p"] == "v" and data.tags["late_t"] == "v"


def test_writes_to_deleted_run_are_refused(client, experiment_id):
    rid = client.create_run(experiment_id).info.run_id
    client.delete_run(rid)
    for call in (
        lambda: client.log_metric(rid, "m", 1.0),
        lambda: client.log_param(rid, "p", "v"),
        lambda: client.set_tag(rid, "t", "v"),
        lambda: client.log_batch(rid, metrics=[Metric("m", 1.0, 0, 0)]),
    ):
        with pytest.raises(MlflowException) as e:
            call()
        assert e.value.error_code == "INVALID_PARAMETER_VALUE"
    data = client.get_run(rid).data
    assert data.metrics == {} and data.params == {} and "t" not in data.tags
