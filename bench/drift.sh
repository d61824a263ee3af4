#!/usr/bin/env bash
# Side-by-side drift benchmark: Evidently 0.7's DataDriftPreset vs `cairn monitor drift` (release build) on the
# same 100,000-row reference and current tables of 20 columns, then Cairn on 1,000,000 current rows against a
# stored reference profile. Prints times, peak memory and the ratios (see bench/drift_bench.py).
#
#     bench/drift.sh                     # 3 repetitions
#     bench/drift.sh --repeat 1 --million 200000
#
# Environment:
#   CAIRN_DRIFT_VENV   venv with evidently (default .venv-fixtures, made from tools/fixtures/monitoring/requirements.txt)
#   SKIP_BUILD=1       use the existing .build/release/cairn
# Benchmarks are never run by scripts/test. Record results in docs/BENCHMARKS.md with the command, date, machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
VENV="${CAIRN_DRIFT_VENV:-$ROOT/.venv-fixtures}"
if [ ! -x "$VENV/bin/python" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q -r tools/fixtures/monitoring/requirements.txt
fi
if [ "${SKIP_BUILD:-0}" != "1" ]; then
    echo "==> swift build -c release --product cairn"
    swift build -c release --product cairn
fi
echo "==> machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(date -u +%Y-%m-%dT%H:%MZ)"
exec "$VENV/bin/python" bench/drift_bench.py --cairn "$ROOT/.build/release/cairn" "$@"
