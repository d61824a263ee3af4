"""Artifacts through the artifact proxy (`mlflow-artifacts:` URIs), checked through the client and on disk."""

import json
import os

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import mlflow  # noqa: E402
import pytest  # noqa: E402
import requests  # noqa: E402

from support import ARTIFACTS_API, files_under  # noqa: E402


def run_dir(server, experiment_id, run_id):
    return server.artifacts / experiment_id / run_id / "artifacts"


@pytest.mark.local_store
def test_log_artifact_lands_on_disk(server, client, experiment_id, tmp_path):
    src = tmp_path / "notes.txt"
    src.write_text("hello artifacts\n")
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(src))
        mlflow.log_artifact(str(src), artifact_path="sub/dir")
    d = run_dir(server, experiment_id, run.info.run_id)
    assert (d / "notes.txt").read_text() == "hello artifacts\n"
    assert (d / "sub" / "dir" / "notes.txt").read_text() == "hello artifacts\n"


@pytest.mark.local_store
def test_log_artifacts_directory(server, client, experiment_id, tmp_path):
    src = tmp_path / "outdir"
    (src / "nested" / "deeper").mkdir(parents=True)
    (src / "a.txt").write_text("a")
    (src / "b.bin").write_bytes(bytes(range(256)) * 40)
    (src / "nested" / "c.json").write_text('{"c": 1}')
    (src / "nested" / "deeper" / "d.csv").write_text("x,y\n1,2\n")
    with mlflow.start_run() as run:
        mlflow.log_artifacts(str(src), artifact_path="data")
    rid = run.info.run_id
    d = run_dir(server, experiment_id, rid)
    assert files_under(d) == {"data/a.txt", "data/b.bin", "data/nested/c.json", "data/nested/deeper/d.csv"}
    assert (d / "data" / "b.bin").read_bytes() == bytes(range(256)) * 40

    top = client.list_artifacts(rid)
    assert [(f.path, f.is_dir) for f in top] == [("data", True)]
    listing = {f.path: f for f in client.list_artifacts(rid, "data")}
    assert set(listing) == {"data/a.txt", "data/b.bin", "data/nested"}
    assert listing["data/nested"].is_dir and listing["data/nested"].file_size is None
    assert not listing["data/a.txt"].is_dir and listing["data/a.txt"].file_size == 1
    assert listing["data/b.bin"].file_size == 256 * 40
    assert [f.path for f in client.list_artifacts(rid, "data/nested/deeper")] == ["data/nested/deeper/d.csv"]


@pytest.mark.local_store
def test_log_text_and_dict_and_download(server, client, experiment_id, tmp_path):
    with mlflow.start_run() as run:
        mlflow.log_text("some text ✓", "texts/hello.txt")
        mlflow.log_dict({"a": 1, "b": [1, 2]}, "config.json")
        mlflow.log_dict({"a": 1}, "config.yaml")
    rid = run.info.run_id
    d = run_dir(server, experiment_id, rid)
    assert (d / "texts" / "hello.txt").read_text(encoding="utf-8") == "some text ✓"
    assert json.loads((d / "config.json").read_text()) == {"a": 1, "b": [1, 2]}
    assert "a: 1" in (d / "config.yaml").read_text()

    assert mlflow.artifacts.load_text(f"runs:/{rid}/texts/hello.txt") == "some text ✓"
    assert mlflow.artifacts.load_dict(f"runs:/{rid}/config.json") == {"a": 1, "b": [1, 2]}

    out = tmp_path / "dl"
    out.mkdir()
    local = client.download_artifacts(rid, "texts", str(out))
    assert open(os.path.join(local, "hello.txt"), encoding="utf-8").read() == "some text ✓"

    everything = mlflow.artifacts.download_artifacts(run_id=rid, dst_path=str(tmp_path / "all"))
    assert files_under(everything) == {"texts/hello.txt", "config.json", "config.yaml"}


@pytest.mark.local_store
def test_log_figure(server, client, experiment_id):
    fig, ax = plt.subplots()
    ax.plot([0, 1, 2], [2, 1, 3])
    with mlflow.start_run() as run:
        mlflow.log_figure(fig, "plots/curve.png")
    plt.close(fig)
    png = run_dir(server, experiment_id, run.info.run_id) / "plots" / "curve.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert [f.path for f in client.list_artifacts(run.info.run_id, "plots")] == ["plots/curve.png"]


def test_empty_and_missing_listing(client, experiment_id):
    with mlflow.start_run() as run:
        pass
    assert client.list_artifacts(run.info.run_id) == []
    assert client.list_artifacts(run.info.run_id, "does/not/exist") == []


@pytest.mark.local_store
def test_proxy_wire_details(server, client, experiment_id, tmp_path):
    """The raw artifact proxy: list shape (basenames, no size for dirs), download headers, 404 for a missing file."""
    with mlflow.start_run() as run:
        mlflow.log_text("x", "dir/a.txt")
        mlflow.log_text("yy", "b.txt")
    base = f"{server.url}{ARTIFACTS_API}"
    prefix = f"{experiment_id}/{run.info.run_id}/artifacts"
    r = requests.get(base, params={"path": prefix}, timeout=10)
    assert r.status_code == 200
    files = sorted(r.json()["files"], key=lambda f: f["path"])
    assert files == [{"path": "b.txt", "is_dir": False, "file_size": 2}, {"path": "dir", "is_dir": True}]

    r = requests.get(f"{base}/{prefix}/b.txt", timeout=10)
    assert r.status_code == 200 and r.content == b"yy"
    assert r.headers["Content-Type"].startswith("text/plain")
    assert "attachment" in r.headers.get("Content-Disposition", "") and "b.txt" in r.headers["Content-Disposition"]
    assert r.headers.get("X-Content-Type-Options") == "nosniff"

    r = requests.get(f"{base}/{prefix}/nope.txt", timeout=10)
    assert r.status_code == 404 and r.json()["error_code"] == "RESOURCE_DOES_NOT_EXIST"

    r = requests.get(base, params={"path": f"{prefix}/missing-dir"}, timeout=10)
    assert r.status_code == 200 and r.json().get("files", []) == []

    # a raw PUT lands where the path says
    r = requests.put(f"{base}/{prefix}/raw/blob.bin", data=b"\x00\x01\x02", timeout=10)
    assert r.status_code == 200
    assert (run_dir(server, experiment_id, run.info.run_id) / "raw" / "blob.bin").read_bytes() == b"\x00\x01\x02"


@pytest.mark.slow
@pytest.mark.local_store
def test_larger_artifact_roundtrip(server, client, experiment_id, tmp_path):
    blob = os.urandom(8 * 1024 * 1024)
    src = tmp_path / "big.bin"
    src.write_bytes(blob)
    with mlflow.start_run() as run:
        mlflow.log_artifact(str(src))
    assert (run_dir(server, experiment_id, run.info.run_id) / "big.bin").read_bytes() == blob
    local = client.download_artifacts(run.info.run_id, "big.bin", str(tmp_path / "dl"))
    assert open(local, "rb").read() == blob
