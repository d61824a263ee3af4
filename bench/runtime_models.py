#!/usr/bin/env python3
"""Helper of bench/runtime.sh: makes the benchmark models and rows, and times the Python engines on them.

    runtime_models.py make DIR    trains the models on breast-cancer data and writes them and rows.csv into DIR
    runtime_models.py time DIR    times onnxruntime (one intra-op thread) and native XGBoost/LightGBM predict,
                                  printing one JSON object per line: {"engine", "model", "single_us": [...], "batch_rows_per_s"}

Models: 100-tree depth-6 GBDTs from scikit-learn (HistGradientBoosting → skl2onnx), XGBoost and LightGBM (native
files and onnxmltools ONNX), and StandardScaler + MLPClassifier(64, 64) → skl2onnx. Rows: 1000 breast-cancer rows
resampled with ±5 % noise, as float32.
"""
import json
import os
import sys
import time

import numpy as np
import pandas as pd

SINGLE_CALLS = 1000
BATCH_CALLS = 20


def datasets():
    directory = os.path.dirname(os.path.abspath(__file__))
    while directory != "/":
        candidate = os.path.join(directory, "shared", "datasets", "breast_cancer.csv")
        if os.path.exists(candidate):
            return candidate
        directory = os.path.dirname(directory)
    sys.exit("shared/datasets/breast_cancer.csv not found beside any ancestor of bench/")


def make(out):
    import lightgbm as lgb
    import xgboost as xgb
    from onnxmltools import convert_lightgbm, convert_xgboost
    from onnxmltools.convert.common.data_types import FloatTensorType as OmlFloat
    from skl2onnx import convert_sklearn
    from skl2onnx.common import tree_ensemble
    from skl2onnx.common.data_types import FloatTensorType
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.pipeline import make_pipeline
    from sklearn.preprocessing import StandardScaler

    original = tree_ensemble.add_node

    def add_node(*args, **kwargs):  # skl2onnx 1.20 passes a bool that onnx 1.23 refuses
        if "nodes_missing_value_tracks_true" in kwargs:
            kwargs["nodes_missing_value_tracks_true"] = int(kwargs["nodes_missing_value_tracks_true"])
        return original(*args, **kwargs)
    tree_ensemble.add_node = add_node

    frame = pd.read_csv(datasets(), skiprows=1, header=None)
    x = frame.iloc[:, :30].to_numpy(np.float32)
    y = frame.iloc[:, 30].to_numpy(np.int64)
    rng = np.random.default_rng(0)
    rows = x[rng.integers(0, len(x), 1000)] * rng.uniform(0.95, 1.05, (1000, 30)).astype(np.float32)
    pd.DataFrame(rows, columns=[f"f{i}" for i in range(30)]).to_csv(os.path.join(out, "rows.csv"), index=False)
    initial = [("input", FloatTensorType([None, 30]))]

    def save(name, model):
        with open(os.path.join(out, name), "wb") as handle:
            handle.write(model.SerializeToString())

    hgb = HistGradientBoostingClassifier(max_iter=100, max_depth=6, early_stopping=False, random_state=0).fit(x, y)
    save("sklearn_gbdt.onnx", convert_sklearn(hgb, initial_types=initial, options={id(hgb): {"zipmap": False}}))
    booster = xgb.XGBClassifier(n_estimators=100, max_depth=6, n_jobs=1).fit(x, y)
    booster.get_booster().save_model(os.path.join(out, "xgboost_gbdt.json"))
    save("xgboost_gbdt.onnx", convert_xgboost(booster, initial_types=[("input", OmlFloat([None, 30]))]))
    light = lgb.LGBMClassifier(n_estimators=100, num_leaves=63, max_depth=6, verbose=-1, n_jobs=1).fit(x, y)
    light.booster_.save_model(os.path.join(out, "lightgbm_gbdt.txt"))
    save("lightgbm_gbdt.onnx", convert_lightgbm(light, initial_types=[("input", OmlFloat([None, 30]))], zipmap=False))
    mlp = make_pipeline(StandardScaler(), MLPClassifier((64, 64), max_iter=300, random_state=0)).fit(x, y)
    save("mlp_64x64.onnx", convert_sklearn(mlp, initial_types=initial, options={id(mlp): {"zipmap": False}}))


def measure(engine, model, single, batch, rows):
    for _ in range(50):
        single(rows[:1])
    times = []
    for i in range(SINGLE_CALLS):
        row = rows[i % len(rows): i % len(rows) + 1]
        start = time.perf_counter_ns()
        single(row)
        times.append((time.perf_counter_ns() - start) / 1000)
    batch(rows)
    start = time.perf_counter()
    for _ in range(BATCH_CALLS):
        batch(rows)
    rate = BATCH_CALLS * len(rows) / (time.perf_counter() - start)
    print(json.dumps({"engine": engine, "model": model, "single_us": times, "batch_rows_per_s": rate}), flush=True)


def timing(out):
    import lightgbm as lgb
    import onnxruntime as ort
    import xgboost as xgb

    rows = pd.read_csv(os.path.join(out, "rows.csv")).to_numpy(np.float32)
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    for name in ["sklearn_gbdt", "xgboost_gbdt", "lightgbm_gbdt", "mlp_64x64"]:
        session = ort.InferenceSession(os.path.join(out, f"{name}.onnx"), options, providers=["CPUExecutionProvider"])
        feed = session.get_inputs()[0].name
        run = lambda r: session.run(None, {feed: r})
        measure("onnxruntime", name, run, run, rows)
    booster = xgb.Booster(model_file=os.path.join(out, "xgboost_gbdt.json"))
    booster.set_param({"nthread": 1})
    measure("xgboost", "xgboost_gbdt", booster.inplace_predict, booster.inplace_predict, rows)
    light = lgb.Booster(model_file=os.path.join(out, "lightgbm_gbdt.txt"))
    predict = lambda r: light.predict(r, num_threads=1)
    measure("lightgbm", "lightgbm_gbdt", predict, predict, rows)


if __name__ == "__main__":
    {"make": make, "time": timing}[sys.argv[1]](sys.argv[2])
