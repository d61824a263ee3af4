#!/usr/bin/env bash
# Side-by-side drift benchmark: Evidently 0.7's DataDriftPreset vs `cairn monitor drift` (release build) on the
# same 100,000-row reference and current tables of 20 columns, then Cairn on 1,000,000 current rows against a
# stored reference profile. Prints times, peak memory and the ratios (see bench/drift_bench.py).
#
#     bench/drift.sh                     # 3 repetitions
#     bench/drift.sh --repeat 1 --million 200000
#
# Environment (CAIRN_DRIFT_VENV, SKIP_BUILD, CAIRN_BIN): see bench/lib/monitoring_env.sh. CairnML and
# CairnMonitoring are compiled with -O even in debug builds, so CAIRN_BIN=.build/debug/cairn runs the same
# optimized drift code.
# Benchmarks are never run by scripts/test. Record results in docs/BENCHMARKS.md with the command, date, machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. bench/lib/monitoring_env.sh
exec "$VENV/bin/python" bench/drift_bench.py --cairn "$CAIRN_BIN" "$@"
