#!/usr/bin/env python3
"""Helper of bench/runtime.sh: turns the timing lines of every engine into one markdown table with ratios."""
import json
import statistics
import sys


def load(path):
    with open(path) as handle:
        return [json.loads(line) for line in handle if line.strip()]


def main():
    results = load(sys.argv[1]) + load(sys.argv[2])
    ort = {r["model"]: r for r in results if r["engine"] == "onnxruntime"}
    print("| engine | model | 1-row median µs | 1-row p99 µs | 1000-row batch rows/s | speed-up vs onnxruntime: 1-row, batch |")
    print("|---|---|---|---|---|---|")
    for r in results:
        times = sorted(r["single_us"])
        median, p99 = statistics.median(times), times[int(len(times) * 0.99) - 1]
        label = r["engine"] + (f" ({r['file'].rsplit('.', 1)[1]})" if "file" in r else "")
        reference = ort.get(r["model"])
        ratio = ""
        if reference and r is not reference:
            reference_median = statistics.median(reference["single_us"])
            ratio = f"{reference_median / median:.2f}x, {r['batch_rows_per_s'] / reference['batch_rows_per_s']:.2f}x"
        print(f"| {label} | {r['model']} | {median:,.1f} | {p99:,.1f} | {r['batch_rows_per_s']:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
