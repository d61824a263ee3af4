#!/usr/bin/env bash
# Side-by-side tracking benchmark: `mlflow server` (SQLite backend, default workers, --serve-artifacts) and
# `cairn server` (release build), each on a free loopback port with a fresh store, driven with the same load by
# bench/tracking_load.py. Prints both figures and the ratio for each row.
#
#     bench/tracking.sh                 # default sizes, about 8-10 minutes on 2 cores
#     bench/tracking.sh --quick         # small sizes, to check the harness (about 2 minutes, most of it mlflow's start)
#     bench/tracking.sh --seconds 20 --search-runs 20000 --json /tmp/bench.json
#     bench/tracking.sh --only cairn    # one server only
#     bench/tracking.sh --postgres      # both on PostgreSQL (scripts/lib/postgres.sh starts one): mlflow, cairn, and
#                                       # two cairn replicas with the clients spread over them
#
# Every other flag goes to tracking_load.py (see `bench/tracking_load.py --help`).
# Environment:
#   CAIRN_BENCH_VENV    venv with the full mlflow package (default ~/.cache/cairn/bench-venv, made if missing)
#   SKIP_BUILD=1        use the existing .build/release/cairn
#   CAIRN_BIN=PATH      use this cairn binary (a release build) instead of building one
# Benchmarks are never run by scripts/test. Record results in docs/BENCHMARKS.md with the command, date, machine.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

VENV="${CAIRN_BENCH_VENV:-$HOME/.cache/cairn/bench-venv}"
REQ="$ROOT/tools/python/requirements-mlflow-server.txt"
PYTHON="${PYTHON:-python3}"

ON_POSTGRES=0
ARGS=()
for arg in "$@"; do
    if [ "$arg" = "--postgres" ]; then ON_POSTGRES=1; else ARGS+=("$arg"); fi
done

DRIVER_PID=""
cleanup() {
    # the driver stops the servers it started; if it is killed, end it (its servers get SIGTERM from its finally)
    if [ -n "$DRIVER_PID" ] && kill -0 "$DRIVER_PID" 2>/dev/null; then
        kill -TERM "$DRIVER_PID" 2>/dev/null || true
        wait "$DRIVER_PID" 2>/dev/null || true
    fi
    declare -F pg_stop >/dev/null && pg_stop
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

. bench/lib/release_cairn.sh

stamp="$VENV/.cairn-requirements.sha256"
want="$(sha256sum "$REQ" | cut -d' ' -f1)"
if ! { [ -x "$VENV/bin/mlflow" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; }; then
    echo "==> preparing $VENV (full mlflow, pinned in $REQ)"
    mkdir -p "$(dirname "$VENV")"
    [ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --no-input --disable-pip-version-check -q -r "$REQ"
    echo "$want" > "$stamp"
fi

STORE_ARGS=()
if [ "$ON_POSTGRES" = "1" ]; then
    # mlflow reaches PostgreSQL through SQLAlchemy's psycopg2 driver
    "$VENV/bin/python" -c 'import psycopg2' 2>/dev/null || "$VENV/bin/python" -m pip install -q psycopg2-binary
    # shellcheck source=scripts/lib/postgres.sh
    source "$ROOT/scripts/lib/postgres.sh"
    pg_start
    pg_as_owner "$PG_BIN/psql" -h "$PG_ROOT" -p "$PG_PORT" -U cairn -d postgres -qc "CREATE DATABASE mlflow_bench" >/dev/null
    STORE_ARGS=(--postgres "$CAIRN_TEST_POSTGRES_URL" --mlflow-store "${CAIRN_TEST_POSTGRES_URL/postgres:/postgresql+psycopg2:}")
    STORE_ARGS[3]="${STORE_ARGS[3]%/cairn_test}/mlflow_bench"
fi

echo "==> $("$CAIRN_BIN" --version 2>/dev/null || echo cairn) vs mlflow $("$VENV/bin/python" -c 'import mlflow; print(mlflow.__version__)')"
export MLFLOW_DISABLE_TELEMETRY=true
"$VENV/bin/python" "$ROOT/bench/tracking_load.py" --cairn-bin "$CAIRN_BIN" --mlflow-bin "$VENV/bin/mlflow" \
    "${STORE_ARGS[@]}" "${ARGS[@]}" &
DRIVER_PID=$!
wait "$DRIVER_PID"
