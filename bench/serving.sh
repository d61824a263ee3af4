#!/usr/bin/env bash
# Side-by-side serving benchmark on one LightGBM-style model: `mlflow models serve --env-manager local` (MLflow
# scoring), MLServer with its LightGBM runtime (Open Inference Protocol), and `cairn serve` (both protocols), each
# on a free loopback port, driven by wrk with the same payloads: requests/s and p50/p99 latency at concurrency 1
# and 8, with 1-row and 100-row payloads, and the ratios Cairn / peer.
#
#     bench/serving.sh                  # 10 s per cell
#     bench/serving.sh --seconds 30
#
# The model: LightGBM (100 rounds, 31 leaves) trained on synthetic data (10 numeric features, binary label) and
# saved with mlflow.lightgbm; all three serve that one MLflow model directory.
#
# Environment:
#   CAIRN_BENCH_SERVING_VENV   prefix of the two venvs (default ~/.cache/cairn/bench-serving; -mlflow and -mlserver)
#   SKIP_BUILD=1               use the existing release build
#   CAIRN_BIN=PATH             use this cairn binary (a release build) instead
# Needs wrk (Debian package `wrk`). Benchmarks are never run by scripts/test; record results in docs/BENCHMARKS.md.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PREFIX="${CAIRN_BENCH_SERVING_VENV:-$HOME/.cache/cairn/bench-serving}"
REQ="$ROOT/tools/python/requirements-serving-bench.txt"
PYTHON="${PYTHON:-python3}"

command -v wrk >/dev/null || { echo "bench/serving.sh needs wrk: apt-get install wrk" >&2; exit 1; }

. bench/lib/release_cairn.sh

venv() {  # venv NAME SECTION: a venv with the packages of one [section] of the requirements file
    local dir="$PREFIX-$1" stamp want
    want="$(sha256sum "$REQ" | cut -d' ' -f1)"
    stamp="$dir/.cairn-requirements.sha256"
    if ! { [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }; then
        echo "==> preparing $dir" >&2
        [ -x "$dir/bin/python" ] || "$PYTHON" -m venv "$dir"
        awk -v s="[$2]" '/^# \[/ {on = ($2 == s)} on && !/^#/ && NF' "$REQ" > "$dir/requirements.txt"
        "$dir/bin/python" -m pip install --no-input --disable-pip-version-check -q -r "$dir/requirements.txt" requests >&2
        echo "$want" > "$stamp"
    fi
    echo "$dir"
}
MLFLOW_VENV="$(venv mlflow mlflow)"
MLSERVER_VENV="$(venv mlserver mlserver)"

export MLFLOW_DISABLE_TELEMETRY=true
exec "$MLFLOW_VENV/bin/python" "$ROOT/bench/serving_bench.py" \
    --cairn-bin "$CAIRN_BIN" --mlflow-venv "$MLFLOW_VENV" --mlserver-venv "$MLSERVER_VENV" "$@"
