"""Side-by-side training benchmark: LightGBM, XGBoost (hist) and `cairn train` with the same settings on the
shared data sets, plus CSV loading of a ~100 MB file against pandas. Run through bench/train.sh.

For each data set it writes the train and test files once, then fits each library `--repeat` times (3 by default)
and prints the median fit time, test-set scoring throughput, the test score and Cairn's ratios: on a shared machine
single fits of a fraction of a second vary by half from one minute to the next. Cairn's times come from
`cairn train --json` (`timings`), which measures the same steps inside the process; its fit includes binning, as
LightGBM's and XGBoost's do. The CSV line is the median of `--repeat` loads each.
"""

import argparse
import json
import pathlib
import subprocess
import tempfile
import time

import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import accuracy_score, roc_auc_score, root_mean_squared_error

DATA = pathlib.Path(__file__).resolve().parents[2] / "shared" / "datasets"
ROUNDS, LEAVES, RATE, BINS = 100, 31, 0.1, 255


def adult():
    read = lambda name: pd.read_csv(DATA / name, header=None, skipinitialspace=True, na_values="?")
    train, test = read("adult_train.csv"), read("adult_test.csv")
    test[14] = test[14].str.rstrip(".")
    return "adult", train.rename(columns=str), test.rename(columns=str), "14", "binary"


def seeded_split(frame, target, task, name):
    test = frame.sample(frac=0.2, random_state=0)
    return name, frame.drop(index=test.index), test, target, task


def elec2():
    return seeded_split(pd.read_csv(DATA / "elec2_electricity.csv"), "class", "binary", "elec2")


def kddcup():
    frame = pd.read_csv(DATA / "kddcup99_10_percent.csv.gz", header=None).rename(columns=str)
    return seeded_split(frame, "41", "multiclass", "kddcup99")


def housing():
    frame = pd.read_csv(DATA / "california_housing.csv")
    return "housing", frame.drop(index=frame.index[::5]), frame.iloc[::5], "median_house_value", "regression"


def higgs():
    read = lambda name: pd.read_csv(DATA / name, sep="\t", header=None).rename(columns=lambda c: f"c{c}")
    return "higgs", read("lightgbm_higgs_binary.train.tsv"), read("lightgbm_higgs_binary.test.tsv"), "c0", "binary"


def bike():
    frame = pd.read_csv(DATA / "bike_sharing_hour.csv").drop(columns=["instant", "dteday", "casual", "registered"])
    return seeded_split(frame, "cnt", "regression", "bike")


def pm25():
    frame = pd.read_csv(DATA / "beijing_pm25_pollution.csv").drop(columns=["No"])
    return seeded_split(frame.dropna(subset=["pm2.5"]).reset_index(drop=True), "pm2.5", "regression", "pm25")


def segment():
    return seeded_split(pd.read_csv(DATA / "segment.csv"), "category", "multiclass", "segment")


def encode(train, test, target, task):
    """Pandas categoricals for the Python libraries (codes fitted on the training rows) and the label as codes."""
    train, test = train.copy(), test.copy()
    for column in train.columns:
        if column != target and not pd.api.types.is_numeric_dtype(train[column]):
            levels = sorted(train[column].dropna().unique())
            train[column] = pd.Categorical(train[column], categories=levels)
            test[column] = pd.Categorical(test[column], categories=levels)
    if task != "regression":
        classes = sorted(train[target].astype(str).unique())
        train[target] = pd.Categorical(train[target].astype(str), categories=classes).codes
        test[target] = pd.Categorical(test[target].astype(str), categories=classes).codes
    return train, test


def score(task, y, predicted):
    if task == "binary":
        return "auc", roc_auc_score(y, predicted[:, 1] if predicted.ndim == 2 else predicted)
    if task == "multiclass":
        keep = y >= 0
        return "accuracy", accuracy_score(y[keep], predicted[keep].argmax(axis=1))
    return "rmse", root_mean_squared_error(y, predicted)


def run_lightgbm(train, test, target, task):
    learner = lgb.LGBMRegressor if task == "regression" else lgb.LGBMClassifier
    model = learner(n_estimators=ROUNDS, num_leaves=LEAVES, learning_rate=RATE, max_bin=BINS, n_jobs=2, verbose=-1)
    start = time.perf_counter()
    model.fit(train.drop(columns=target), train[target])
    fit = time.perf_counter() - start
    start = time.perf_counter()
    predicted = model.predict(test.drop(columns=target)) if task == "regression" else model.predict_proba(test.drop(columns=target))
    rows_per_s = len(test) / (time.perf_counter() - start)
    return fit, rows_per_s, score(task, test[target].to_numpy(), predicted)


def as_codes(frame):
    """Categorical columns as their codes (NaN for missing): xgboost 3.1's pandas path fails on pandas 3.1's
    categoricals, so XGBoost reads the categories as ordinal numbers."""
    frame = frame.copy()
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.CategoricalDtype):
            frame[column] = frame[column].cat.codes.astype(float).where(frame[column].notna())
    return frame


def run_xgboost(train, test, target, task):
    train, test = as_codes(train), as_codes(test)
    learner = xgb.XGBRegressor if task == "regression" else xgb.XGBClassifier
    model = learner(
        n_estimators=ROUNDS, max_leaves=LEAVES, grow_policy="lossguide", max_depth=0, learning_rate=RATE,
        max_bin=BINS + 1, tree_method="hist", n_jobs=2)
    start = time.perf_counter()
    model.fit(train.drop(columns=target), train[target])
    fit = time.perf_counter() - start
    start = time.perf_counter()
    predicted = model.predict(test.drop(columns=target)) if task == "regression" else model.predict_proba(test.drop(columns=target))
    rows_per_s = len(test) / (time.perf_counter() - start)
    return fit, rows_per_s, score(task, test[target].to_numpy(), predicted)


def run_cairn(cairn, directory, raw_train, raw_test, target, task, name):
    train_path, test_path = directory / f"{name}_train.csv", directory / f"{name}_test.csv"
    if not train_path.exists():
        raw_train.to_csv(train_path, index=False)
        raw_test.to_csv(test_path, index=False)
    command = [
        cairn, "train", "--data", str(train_path), "--valid", str(test_path), "--target", target, "--task", task,
        "--param", f"num_iterations={ROUNDS}", "--param", f"num_leaves={LEAVES}", "--param", f"learning_rate={RATE}",
        "--param", f"max_bin={BINS}", "--no-log", "--json", "--output", str(directory / f"{name}.cairn"),
    ]
    summary = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    metric = {"binary": "auc", "multiclass": "accuracy", "regression": "rmse"}[task]
    timings = summary["timings"]
    return timings["fit_seconds"], len(raw_test) / timings["valid_evaluate_seconds"], (metric, summary["metrics"][f"valid_{metric}"])


def median_run(run, repeat):
    """`run()` (fit seconds, rows/s, score) `repeat` times: the median fit time, with the last run's other figures."""
    results = [run() for _ in range(repeat)]
    fits = sorted(result[0] for result in results)
    return (fits[len(fits) // 2],) + tuple(results[-1][1:])


def csv_loading(cairn, directory, megabytes, repeat):
    """pandas.read_csv against Cairn's reader (read_seconds of a one-round `cairn train`, a new process each time)
    on the same file: the median of `repeat` loads each."""
    path = directory / "large.csv"
    source = pd.read_csv(DATA / "lightgbm_higgs_binary.train.tsv", sep="\t", header=None).rename(columns=lambda c: f"c{c}")
    text = source.to_csv(index=False)
    header, body = text.split("\n", 1)
    copies = max(1, int(megabytes * 1e6 / len(body)))
    with open(path, "w") as out:
        out.write(header + "\n")
        for _ in range(copies):
            out.write(body)
    size = path.stat().st_size / 1e6

    def pandas_load():
        start = time.perf_counter()
        frame = pd.read_csv(path)
        return time.perf_counter() - start, frame

    def cairn_load():
        command = [cairn, "train", "--data", str(path), "--target", "c0", "--model", "linear", "--param", "max_iter=1",
                   "--no-log", "--json", "--output", str(directory / "large.cairn")]
        summary = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
        return summary["timings"]["read_seconds"]

    pandas_runs = [pandas_load() for _ in range(repeat)]
    frame = pandas_runs[-1][1]
    pandas_seconds = sorted(seconds for seconds, _ in pandas_runs)[repeat // 2]
    cairn_seconds = sorted(cairn_load() for _ in range(repeat))[repeat // 2]
    print(f"\nCSV loading, {size:.0f} MB, {len(frame):,} rows x {frame.shape[1]} columns (medians of {repeat} loads)")
    print(f"  pandas.read_csv {pandas_seconds:.2f} s, Cairn {cairn_seconds:.2f} s, ratio {pandas_seconds / cairn_seconds:.1f}x")


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cairn-bin", required=True)
    parser.add_argument("--only", nargs="*", help="data set names (adult, elec2, housing, higgs, bike, pm25, segment, kddcup99)")
    parser.add_argument("--csv-megabytes", type=float, default=100)
    parser.add_argument("--repeat", type=int, default=3, help="fits (and CSV loads) per library; the median is shown")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="cairn-bench-train-") as temp:
        directory = pathlib.Path(temp)
        header = f"{'data':<10} {'library':<9} {'fit s':>8} {'score rows/s':>13} {'test score':>18} {'fit ratio':>10}"
        print(header)
        print("-" * len(header))
        for load in (adult, elec2, housing, higgs, bike, pm25, segment, kddcup):
            name, raw_train, raw_test, target, task = load()
            if args.only and name not in args.only:
                continue
            train, test = encode(raw_train, raw_test, target, task)
            cairn = median_run(lambda: run_cairn(args.cairn_bin, directory, raw_train, raw_test, target, task, name), args.repeat)
            results = {
                "LightGBM": median_run(lambda: run_lightgbm(train, test, target, task), args.repeat),
                "XGBoost": median_run(lambda: run_xgboost(train, test, target, task), args.repeat),
                "Cairn": cairn,
            }
            for library, (fit, rows_per_s, (metric, value)) in results.items():
                ratio = "" if library == "Cairn" else f"{fit / cairn[0]:.2f}x"
                print(f"{name:<10} {library:<9} {fit:>8.2f} {rows_per_s:>13,.0f} {metric + ' ' + format(value, '.4f'):>18} {ratio:>10}")
        csv_loading(args.cairn_bin, directory, args.csv_megabytes, args.repeat)
    print("\nfit ratio = the library's fit time / Cairn's (above 1: Cairn is faster)")


if __name__ == "__main__":
    main()
