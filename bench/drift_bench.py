"""Side-by-side drift benchmark: Evidently 0.7's DataDriftPreset and `cairn monitor drift` on the same
100,000-row reference and current tables of 20 columns (10 numeric, 3 of them shifted; 10 categorical with 4-12
levels, 2 of them shifted), then Cairn alone on a 1,000,000-row current table against a stored reference profile.

Prints wall time, peak memory (max RSS of the process) and the ratio, and checks that both found the same drifted
columns. Run through bench/drift.sh, which builds Cairn in release mode and prepares the venv.
"""
import argparse
import json
import pathlib
import subprocess
import sys
import tempfile
import time

import numpy as np
import pandas as pd


def make_table(rows, shifted, seed):
    rng = np.random.default_rng(seed)
    columns = {}
    for i in range(10):
        shift = 0.3 if shifted and i < 3 else 0.0
        columns[f"num{i}"] = rng.normal(shift, 1 + 0.1 * i, rows)
    for i in range(10):
        levels = 4 + (i % 9)
        weights = np.linspace(1, 2, levels)
        if shifted and i < 2:
            weights = weights[::-1]
        weights = weights / weights.sum()
        columns[f"cat{i}"] = rng.choice([f"L{k}" for k in range(levels)], size=rows, p=weights)
    return pd.DataFrame(columns)


def evidently_run(reference_csv, current_csv):
    """Runs in a child process so its peak memory is its own."""
    code = f"""
import json, resource, time, pandas as pd
from evidently import Report
from evidently.presets import DataDriftPreset
load_start = time.perf_counter()
ref = pd.read_csv({str(reference_csv)!r}); cur = pd.read_csv({str(current_csv)!r})
start = time.perf_counter()
load_seconds = start - load_start
snapshot = Report([DataDriftPreset()]).run(current_data=cur, reference_data=ref).dict()
seconds = time.perf_counter() - start
drifted = sorted(m["config"]["column"] for m in snapshot["metrics"]
                 if m["config"]["type"].endswith("ValueDrift") and
                 (m["value"] >= m["config"]["threshold"] if "p_value" not in m["config"]["method"] else m["value"] < m["config"]["threshold"]))
print(json.dumps({{"seconds": seconds, "load_seconds": load_seconds, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "drifted": drifted}}))
"""
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def cairn_run(cairn, arguments):
    """Wall time, peak memory (from /usr/bin/time) and stdout of one cairn command."""
    with tempfile.NamedTemporaryFile("r", suffix=".rss") as rss_file:
        start = time.perf_counter()
        out = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss_file.name, cairn, *arguments],
                             check=True, capture_output=True, text=True).stdout
        seconds = time.perf_counter() - start
        rss_mb = int(rss_file.read().strip().splitlines()[-1]) / 1024
    return seconds, rss_mb, out


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--cairn", required=True)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--million", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="Evidently runs (the median is shown)")
    parser.add_argument("--cairn-repeat", type=int, default=11, help="runs of each cairn command (the median is shown)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cairn-drift-bench-") as tmp:
        tmp = pathlib.Path(tmp)
        ref, cur, big = tmp / "ref.csv", tmp / "cur.csv", tmp / "big.csv"
        make_table(args.rows, False, 1).to_csv(ref, index=False)
        make_table(args.rows, True, 2).to_csv(cur, index=False)
        make_table(args.million, True, 3).to_csv(big, index=False)

        ev = [evidently_run(ref, cur) for _ in range(args.repeat)]
        ev_seconds = sorted(r["seconds"] for r in ev)[len(ev) // 2]
        ev_total = sorted(r["seconds"] + r["load_seconds"] for r in ev)[len(ev) // 2]
        ev_rss = max(r["rss_mb"] for r in ev)

        runs = [cairn_run(args.cairn, ["monitor", "drift", "--reference", str(ref), "--current", str(cur), "--json"])
                for _ in range(args.cairn_repeat)]
        c_seconds = sorted(r[0] for r in runs)[len(runs) // 2]
        c_rss = runs[-1][1]
        result = json.loads(runs[-1][2])
        c_drifted = sorted(name for name, col in result["columns"].items() if col["drifted"])

        profile = tmp / "ref.profile.json"
        p_seconds, _, _ = cairn_run(args.cairn, ["monitor", "profile", "--data", str(ref), "--output", str(profile)])
        big_runs = [cairn_run(args.cairn, ["monitor", "drift", "--reference", str(profile), "--current", str(big), "--json"])
                    for _ in range(args.cairn_repeat)]
        b_seconds = sorted(r[0] for r in big_runs)[len(big_runs) // 2]

        print(f"{'':52} {'evidently':>10} {'cairn':>10} {'ratio':>8}")
        print(f"{'100k x 20, read both CSVs + drift, wall s (medians of %d/%d)' % (args.repeat, args.cairn_repeat):52} "
              f"{ev_total:10.2f} {c_seconds:10.3f} {ev_total / c_seconds:7.1f}x")
        print(f"{'  of which evidently Report.run alone':52} {ev_seconds:10.2f}")
        print(f"{'peak memory, MB':52} {ev_rss:10.0f} {c_rss:10.0f} {ev_rss / c_rss:7.1f}x")
        print(f"{'drifted columns equal':52} {str(ev[-1]['drifted'] == c_drifted):>10}")
        print(f"cairn monitor profile of the 100k reference: {p_seconds:.3f} s ({profile.stat().st_size / 1e6:.1f} MB)")
        print(f"cairn monitor drift, 1M-row current vs stored profile (incl. reading the 1M-row CSV): {b_seconds:.3f} s")
        print(f"evidently drifted: {ev[-1]['drifted']}")
        print(f"cairn drifted:     {c_drifted}")


if __name__ == "__main__":
    main()
