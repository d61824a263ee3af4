"""search_runs: the filter and order_by grammar, and paging through every run exactly once."""

import math
import time

import mlflow
import pytest
from mlflow.entities import Metric, Param, RunTag, ViewType

N_RUNS = 20


@pytest.fixture(scope="module")
def populated(server):
    """An experiment with N_RUNS runs: metric `score` on all but every 5th run, params, tags, statuses."""
    client = mlflow.MlflowClient(server.url)
    from support import unique

    exp_id = client.create_experiment(unique("search"))
    runs = []
    base = 1_700_000_000_000
    for i in range(N_RUNS):
        run = client.create_run(exp_id, start_time=base + i * 1000, run_name=f"run-{i:02d}")
        rid = run.info.run_id
        metrics = [Metric("loss", 1.0 / (i + 1), base, 0), Metric("acc", (i % 7) / 10.0, base, 0)]
        if i % 5 != 0:
            metrics.append(Metric("score", float(i), base, 0))
        if i == 3:
            metrics.append(Metric("score", float("nan"), base, 5))  # latest (highest step) score of run 3 is NaN
        params = [Param("model", "gbm" if i % 2 else "Linear"), Param("depth", str(i % 4))]
        tags = [RunTag("group", "even" if i % 2 == 0 else "odd"), RunTag("idx", f"{i:02d}")]
        if i % 3 == 0:
            tags.append(RunTag("special", "yes"))
        client.log_batch(rid, metrics=metrics, params=params, tags=tags)
        if i % 4 == 0:
            client.set_terminated(rid, "FINISHED", end_time=base + i * 1000 + 500)
        runs.append(rid)
    return exp_id, runs


def _ids(runs):
    return [r.info.run_id for r in runs]


def _search(client, exp_id, **kw):
    return client.search_runs([exp_id], max_results=kw.pop("max_results", 1000), **kw)


def test_default_order_is_start_time_desc(client, populated):
    exp_id, runs = populated
    assert _ids(_search(client, exp_id)) == list(reversed(runs))


def test_order_by_start_time_asc(client, populated):
    exp_id, runs = populated
    assert _ids(_search(client, exp_id, order_by=["attributes.start_time ASC"])) == runs


@pytest.mark.parametrize("order", ["metrics.score DESC", "metrics.`score` DESC", 'metric."score" desc'])
def test_order_by_metric_desc_missing_and_nan_last(client, populated, order):
    exp_id, runs = populated
    got = _ids(_search(client, exp_id, order_by=[order]))
    with_score = [i for i in range(N_RUNS) if i % 5 != 0 and i != 3]
    expected_head = [runs[i] for i in sorted(with_score, reverse=True)]
    assert got[: len(expected_head)] == expected_head
    # NaN and missing values come after every number, in either direction
    assert set(got[len(expected_head):]) == {runs[i] for i in range(N_RUNS) if i % 5 == 0 or i == 3}


def test_order_by_metric_asc_missing_last(client, populated):
    exp_id, runs = populated
    got = _ids(_search(client, exp_id, order_by=["metrics.score ASC"]))
    with_score = sorted(i for i in range(N_RUNS) if i % 5 != 0 and i != 3)
    assert got[: len(with_score)] == [runs[i] for i in with_score]


def test_order_by_several_keys(client, populated):
    exp_id, runs = populated
    got = _search(client, exp_id, order_by=["tags.group ASC", "params.depth DESC", "attributes.run_name ASC"])
    keys = [(r.data.tags["group"], r.data.params["depth"], r.info.run_name) for r in got]
    expected = sorted(keys, key=lambda k: (k[0], -int(k[1]), k[2]))
    assert keys == expected


@pytest.mark.parametrize(
    "flt, expected",
    [
        ("metrics.score > 10", lambda i: i % 5 != 0 and i != 3 and i > 10),
        ("metrics.score >= 12 AND metrics.score < 17", lambda i: i in (12, 13, 14, 16)),
        ("metrics.loss <= 0.1", lambda i: 1.0 / (i + 1) <= 0.1),
        ("metrics.acc = 0.3", lambda i: i % 7 == 3),
        ("metrics.acc != 0.3", lambda i: i % 7 != 3),
        ("metrics.score > -1e3", lambda i: i % 5 != 0 and i != 3),
        ("params.model = 'gbm'", lambda i: i % 2 == 1),
        ("params.model != 'gbm'", lambda i: i % 2 == 0),
        ("params.model LIKE 'Lin%'", lambda i: i % 2 == 0),
        ("params.model LIKE 'lin%'", lambda i: False),
        ("params.model ILIKE 'lin%'", lambda i: i % 2 == 0),
        ("params.depth = '2' and tags.group = 'even'", lambda i: i % 4 == 2),
        ("tags.special = 'yes'", lambda i: i % 3 == 0),
        ("tags.special IS NULL", lambda i: i % 3 != 0),
        ("tags.special IS NOT NULL", lambda i: i % 3 == 0),
        ("params.depth IS NOT NULL", lambda i: True),
        ("tags.idx LIKE '1_'", lambda i: 10 <= i <= 19),
        ("tags.`group` ILIKE 'EV%'", lambda i: i % 2 == 0),
        ("attributes.status = 'FINISHED'", lambda i: i % 4 == 0),
        ("attributes.status != 'FINISHED'", lambda i: i % 4 != 0),
        ("attributes.run_name = 'run-07'", lambda i: i == 7),
        ("attributes.run_name LIKE 'run-1%'", lambda i: i >= 10),
        ("run_name ILIKE 'RUN-0%'", lambda i: i < 10),
        ("attributes.`Run name` = 'run-05'", lambda i: i == 5),
        ("attributes.start_time >= 1700000010000", lambda i: i >= 10),
        ("attributes.created < 1700000002000", lambda i: i < 2),
        ("attributes.end_time > 0", lambda i: i % 4 == 0),
    ],
)
def test_filter(client, populated, flt, expected):
    exp_id, runs = populated
    got = set(_ids(_search(client, exp_id, filter_string=flt)))
    assert got == {runs[i] for i in range(N_RUNS) if expected(i)}


def test_filter_run_id_in_and_not_in(client, populated):
    exp_id, runs = populated
    some = runs[2:5]
    quoted = ", ".join(f"'{r}'" for r in some)
    got = set(_ids(_search(client, exp_id, filter_string=f"attributes.run_id IN ({quoted})")))
    assert got == set(some)
    got = set(_ids(_search(client, exp_id, filter_string=f"attributes.run_id NOT IN ({quoted})")))
    assert got == set(runs) - set(some)


def test_filter_and_order_together(client, populated):
    exp_id, runs = populated
    got = _ids(_search(client, exp_id, filter_string="params.model = 'gbm' AND metrics.score > 4",
                       order_by=["metrics.score DESC"]))
    expected = [runs[i] for i in sorted((i for i in range(N_RUNS) if i % 2 == 1 and i % 5 != 0 and i > 4),
                                         reverse=True)]
    assert got == expected


@pytest.mark.parametrize("page_size", [1, 6, 8, 100])
def test_paging_returns_every_run_exactly_once_in_order(client, populated, page_size):
    exp_id, runs = populated
    for order in (None, ["metrics.score DESC"], ["params.model ASC", "attributes.run_name DESC"]):
        full = _ids(_search(client, exp_id, order_by=order))
        assert len(full) == N_RUNS
        seen, token, pages = [], None, 0
        while True:
            page = client.search_runs([exp_id], order_by=order, max_results=page_size, page_token=token)
            assert len(page) <= page_size
            seen += _ids(page)
            token = page.token
            pages += 1
            if not token:
                break
            assert pages <= N_RUNS + 1
        assert seen == full
        # a token comes back only when more rows exist: no trailing empty page
        assert pages == math.ceil(N_RUNS / page_size)


def test_search_across_experiments_and_view_type(client, populated):
    exp_id, runs = populated
    other = client.create_experiment(__import__("support").unique("search-other"))
    r = client.create_run(other)
    client.log_metric(r.info.run_id, "score", 1000.0)
    got = client.search_runs([exp_id, other], filter_string="metrics.score >= 19", order_by=["metrics.score DESC"])
    assert _ids(got) == [r.info.run_id, runs[19]]
    client.delete_run(r.info.run_id)
    got = client.search_runs([exp_id, other], filter_string="metrics.score >= 19", run_view_type=ViewType.ALL)
    assert set(_ids(got)) == {r.info.run_id, runs[19]}
    got = client.search_runs([exp_id, other], filter_string="metrics.score >= 19")
    assert _ids(got) == [runs[19]]


def test_fluent_search_runs_dataframe(populated):
    exp_id, runs = populated
    df = mlflow.search_runs(experiment_ids=[exp_id], filter_string="params.model = 'Linear'",
                            order_by=["metrics.loss ASC"])
    assert list(df["run_id"]) == [runs[i] for i in sorted(range(0, N_RUNS, 2), key=lambda i: 1.0 / (i + 1))]
    assert "metrics.loss" in df.columns and "params.model" in df.columns and "tags.group" in df.columns


def test_fluent_search_runs_by_experiment_name(populated, client):
    exp_id, runs = populated
    name = client.get_experiment(exp_id).name
    got = mlflow.search_runs(experiment_names=[name], output_format="list", filter_string="tags.idx = '04'")
    assert [r.info.run_id for r in got] == [runs[4]]


def test_metric_history_large(client, experiment_id):
    """Over 25,000 points: the client pages get-history with max_results=25000."""
    rid = client.create_run(experiment_id).info.run_id
    n = 25_500
    ts = int(time.time() * 1000)
    for start in range(0, n, 1000):
        client.log_batch(rid, metrics=[Metric("curve", float(i) * 0.5, ts + i, i) for i in range(start, min(n, start + 1000))])
    hist = client.get_metric_history(rid, "curve")
    assert len(hist) == n
    by_step = sorted(hist, key=lambda m: m.step)
    assert [m.step for m in by_step] == list(range(n))
    assert all(m.value == m.step * 0.5 and m.timestamp == ts + m.step for m in by_step)
    assert client.get_run(rid).data.metrics["curve"] == (n - 1) * 0.5


def test_metric_history_unknown_key_is_empty(client, experiment_id):
    rid = client.create_run(experiment_id).info.run_id
    assert client.get_metric_history(rid, "never-logged") == []
