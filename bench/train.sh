#!/usr/bin/env bash
# Side-by-side training benchmark: LightGBM, XGBoost (hist) and `cairn train` (release build) with the same
# settings (100 rounds, 31 leaves, learning rate 0.1, 255 bins, two threads) on adult, elec2, California housing, the
# HIGGS sample, bike sharing, Beijing PM2.5, image segment and KDD Cup 99, printing the median fit time of three
# fits, scoring throughput, test score and ratios; then CSV loading of a ~100 MB file against pandas (medians of
# three loads). Driven by bench/train_compare.py.
#
#     bench/train.sh                    # all data sets, about 10 minutes on 2 cores
#     bench/train.sh --only adult elec2 --repeat 5
#
# Environment:
#   CAIRN_BENCH_ML_VENV  venv with the pinned libraries (default ~/.cache/cairn/bench-ml-venv, made if missing)
#   SKIP_BUILD=1         use the existing release build
#   CAIRN_BIN=PATH      use this cairn binary (a release build) instead of building one
# Benchmarks are never run by scripts/test. Record results in docs/BENCHMARKS.md with the command, date, machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${CAIRN_BENCH_ML_VENV:-$HOME/.cache/cairn/bench-ml-venv}"
REQ="$ROOT/tools/python/requirements-bench-ml.txt"

. bench/lib/release_cairn.sh

stamp="$VENV/.cairn-requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if ! { [ -x "$VENV/bin/python" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }; then
    echo "==> preparing $VENV (pinned in $REQ)"
    [ -x "$VENV/bin/python" ] || python3 -m venv "$VENV"
    "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check -q -r "$REQ"
    echo "$want" > "$stamp"
fi
exec "$VENV/bin/python" "$ROOT/bench/train_compare.py" --cairn-bin "$CAIRN_BIN" "$@"
