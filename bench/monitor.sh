#!/usr/bin/env bash
# Side-by-side monitor benchmark: `cairn monitors run` (drift + data quality + performance with labels, release
# build) on a deployment's prediction log vs Evidently 0.7's DataDriftPreset + ClassificationPreset on the same
# window exported to a DataFrame (see bench/monitor_bench.py).
#
#     bench/monitor.sh                       # 200,000 logged predictions, 3 repetitions
#     bench/monitor.sh --rows 100000 --repeat 1
#
# Environment (CAIRN_DRIFT_VENV, SKIP_BUILD, CAIRN_BIN): see bench/lib/monitoring_env.sh.
# Benchmarks are never run by scripts/test. Record results in docs/BENCHMARKS.md with the command, date, machine.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
. bench/lib/monitoring_env.sh
exec "$VENV/bin/python" bench/monitor_bench.py --cairn "$CAIRN_BIN" "$@"
