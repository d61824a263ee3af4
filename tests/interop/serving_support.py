"""Helpers of the serving suites: a small training set, a model trained by `cairn train`, and `cairn serve`."""

from __future__ import annotations

import csv
import subprocess
import time
from pathlib import Path

import support
from support import ServerProcess

FEATURES = ["x", "y", "color"]
COLORS = ["red", "blue", "green"]


def rows(n: int = 300) -> list[dict]:
    """Deterministic rows: label 1 when x + y > 10 or the color is red (as ModelFixtures in the Swift tests)."""
    out = []
    for i in range(n):
        x, y, color = (i * 37 % 100) / 10, (i * 53 % 100) / 10, COLORS[i % 3]
        out.append({"x": x, "y": y, "color": color, "label": int(x + y > 10 or color == "red")})
    return out


# Rows far from the decision boundary, on which any reasonable classifier agrees.
CLEAR_ROWS = [
    {"x": 9.5, "y": 9.0, "color": "blue"},
    {"x": 0.1, "y": 0.2, "color": "blue"},
    {"x": 8.0, "y": 8.0, "color": "red"},
    {"x": 1.0, "y": 2.0, "color": "green"},
]
CLEAR_LABELS = [1, 0, 1, 0]


def wait_until_grpc_live(client, seconds: float = 10) -> None:
    """Waits for a `tritonclient.grpc` client's server to answer: the gRPC listener binds beside the HTTP one, which
    may have answered /health already."""
    from tritonclient.utils import InferenceServerException

    deadline = time.monotonic() + seconds
    while True:
        try:
            if client.is_server_live():
                return
        except InferenceServerException:
            if time.monotonic() > deadline:
                raise
        time.sleep(0.1)


def feature_inputs(client, rows, **options):
    """One tritonclient input per feature (x as FP64 [n], y as FP32 [n, 1], color as BYTES [n]), built with the
    `tritonclient.http` or `tritonclient.grpc` module `client`; `options` go to `set_data_from_numpy`."""
    import numpy as np

    x = client.InferInput("x", [len(rows)], "FP64")
    x.set_data_from_numpy(np.array([r["x"] for r in rows], dtype=np.float64), **options)
    y = client.InferInput("y", [len(rows), 1], "FP32")
    y.set_data_from_numpy(np.array([[r["y"]] for r in rows], dtype=np.float32), **options)
    color = client.InferInput("color", [len(rows)], "BYTES")
    color.set_data_from_numpy(np.array([r["color"] for r in rows], dtype=object), **options)
    return [x, y, color]


def write_csv(path: Path, data: list[dict]) -> Path:
    with open(path, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(data[0]))
        writer.writeheader()
        writer.writerows(data)
    return path


def train_model(workdir: Path) -> Path:
    """A boosted classifier trained by `cairn train` (not logged), as a model.cairn file."""
    workdir.mkdir(parents=True, exist_ok=True)
    data = write_csv(workdir / "train.csv", rows())
    model = workdir / "model.cairn"
    subprocess.run(
        [support.cairn_bin(), "train", "--data", str(data), "--target", "label", "--task", "binary",
         "--param", "num_iterations=30", "--param", "min_data_in_leaf=5", "--output", str(model), "--no-log"],
        cwd=workdir, check=True, capture_output=True, timeout=300,
    )
    return model


class ServeProcess(ServerProcess):
    """`cairn serve --model MODEL` on a free port; /health answers 200 once the model is loaded."""

    def __init__(self, workdir: Path, model: str, name: str = "churn", extra: list[str] | None = None):
        super().__init__(workdir)
        self.model = model
        self.name = name
        self.extra = extra or []

    def command(self) -> list[str]:
        return [support.cairn_bin(), "serve", "--model", self.model, "--name", self.name,
                "--host", "127.0.0.1", "--port", str(self.port), "--store", self.store_location(),
                "--artifacts", str(self.artifacts), *self.extra]
