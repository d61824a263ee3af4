#!/usr/bin/env bash
# Scores the same models and rows with Cairn's runtime (release build, one thread), onnxruntime (Python, one
# intra-op thread) and the native XGBoost/LightGBM predict, and prints single-row latency (median, p99), rows/s on
# 1000-row batches and the ratios. A benchmark, not a test: run it on a quiet machine and compare within one run.
#
# Usage: bench/runtime.sh        (needs the fixture requirements: tools/fixtures/runtime/requirements.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${CAIRN_BENCH_VENV:-.venv-fixtures}
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q -r tools/fixtures/runtime/requirements.txt
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

swift build -c release --product cairn-runtime-bench >/dev/null
"$venv/bin/python" bench/runtime_models.py make "$work"
"$venv/bin/python" bench/runtime_models.py time "$work" >"$work/python.jsonl"
"$(swift build -c release --show-bin-path)/cairn-runtime-bench" "$work" >"$work/cairn.jsonl"
"$venv/bin/python" bench/runtime_report.py "$work/python.jsonl" "$work/cairn.jsonl"
